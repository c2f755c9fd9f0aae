Feature: Shipping and cancelling orders
  A placed order with items ships with a carrier, or is cancelled. After that it is closed for change.

  Scenario: A placed order can be shipped
    Given Order "o-1" has recorded:
      | event       | customer | amount |
      | OrderPlaced | alice    | 20.00  |
    When Order "o-1" is sent ShipOrder:
      | carrier | DHL |
    Then Order "o-1" records:
      | event        | carrier |
      | OrderShipped | DHL     |
    And Order "o-1" has state:
      | status | shipped |

  Scenario: An order cannot be shipped twice
    Given Order "o-1" has recorded OrderPlaced, ItemAdded and OrderShipped
    When Order "o-1" is sent ShipOrder
    Then the command is rejected with "OrderAlreadyShipped"
    And Order "o-1" records nothing

  Scenario: An empty order cannot be shipped
    Given Order "o-1" has recorded OrderPlaced
    When Order "o-1" is sent ShipOrder:
      | carrier | UPS |
    Then the command is rejected with "EmptyOrder"

  Scenario: A cancelled order cannot be shipped
    Given Order "o-1" has recorded OrderPlaced, ItemAdded, OrderCancelled
    When Order "o-1" is sent ShipOrder:
      | carrier | DHL |
    Then the command is rejected with "OrderCancelled"
    And Order "o-1" has state:
      | status | cancelled |

  Scenario: Carriers are checked case-insensitively
    Given Order "o-1" has recorded OrderPlaced, ItemAdded
    When Order "o-1" is sent ShipOrder:
      | carrier | fedex |
    Then Order "o-1" records:
      | event        | carrier |
      | OrderShipped | FedEx   |

  Scenario: An open order can be cancelled with a reason
    Given Order "o-1" has recorded OrderPlaced
    When Order "o-1" is sent CancelOrder:
      | reason | customer changed their mind |
    Then Order "o-1" records:
      | event          | reason                      |
      | OrderCancelled | customer changed their mind |

  Scenario: A shipped order cannot be cancelled
    Given Order "o-1" has recorded OrderPlaced, ItemAdded, OrderShipped
    When Order "o-1" is sent CancelOrder
    Then the command is rejected with "OrderAlreadyShipped"

  Scenario Outline: Nothing changes an order once it is <status>
    Given Order "o-1" has recorded OrderPlaced, ItemAdded, <closing event>
    When Order "o-1" is sent <command>
    Then the command is rejected with "<rejection>"
    And Order "o-1" records nothing

    Examples:
      | status    | closing event  | command     | rejection           |
      | shipped   | OrderShipped   | AddItem     | OrderAlreadyShipped |
      | shipped   | OrderShipped   | RemoveItem  | OrderAlreadyShipped |
      | cancelled | OrderCancelled | AddItem     | OrderCancelled      |
      | cancelled | OrderCancelled | CancelOrder | OrderCancelled      |
