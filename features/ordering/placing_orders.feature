Feature: Placing orders
  A customer opens an order before putting items in it. An order id is placed only once.

  Scenario: A customer places an order
    When Order "o-1" is sent PlaceOrder:
      | customer | alice |
    Then Order "o-1" records:
      | event       | customer | amount | currency |
      | OrderPlaced | alice    | 0      | EUR      |
    And Order "o-1" has state:
      | status   | placed |
      | customer | alice  |

  Scenario: An order can be placed with an amount already due
    When Order "o-2" is sent PlaceOrder:
      | customer | bob   |
      | amount   | 35.00 |
      | currency | USD   |
    Then Order "o-2" has state:
      | total    | 35  |
      | currency | USD |

  Scenario: An order id cannot be placed twice
    Given Order "o-1" has recorded:
      | event       | customer |
      | OrderPlaced | alice    |
    When Order "o-1" is sent PlaceOrder:
      | customer | bob |
    Then the command is rejected with "OrderAlreadyPlaced"
    And Order "o-1" records nothing
    And Order "o-1" has state:
      | customer | alice |

  Scenario: Nothing can be added to an order that was never placed
    When Order "o-9" is sent AddItem:
      | sku | BOOK-1 |
      | price | 12.50 |
    Then the command is rejected with "OrderNotPlaced"
    And Order "o-9" is at version 0
