Feature: Fulfilling a confirmed order
  Once a customer confirms an order, the shop sets the stock aside and asks for payment.
  The order waits three days for the money. If the stock runs out, the payment is refused
  or no money comes in time, the stock goes back on the shelf and the order is cancelled.

  Background:
    Given the time is "2025-03-03T09:00:00Z"
    And Inventory "BOOK-1" has recorded StockReceived:
      | quantity | 5 |
    And Inventory "PEN-7" has recorded StockReceived:
      | quantity | 1 |
    And alice placed order o-1
    And order o-1 contains 2 x BOOK-1 at 12.50

  Scenario: Confirming an order sets its stock aside and asks for payment
    When Order "o-1" is sent ConfirmOrder
    Then Inventory "BOOK-1" was sent ReserveStock:
      | order    | o-1 |
      | quantity | 2   |
    And Payment "o-1" was sent RequestPayment:
      | amount   | 25.00 |
      | currency | EUR   |
    And the OrderFulfilment process for "o-1" has state:
      | stage  | awaiting payment |
      | amount | 25.00            |

  Scenario: The order waits three days for its payment
    When Order "o-1" is sent ConfirmOrder
    Then the OrderFulfilment process for "o-1" has deadlines:
      | deadline   | due                  |
      | PaymentDue | 2025-03-06T09:00:00Z |

  Scenario: The stock that is set aside is no longer on the shelf
    When Order "o-1" is sent ConfirmOrder
    Then Inventory "BOOK-1" has state:
      | available    | 3 |
      | reserved.o-1 | 2 |

  Scenario: A paid order is ready to ship
    Given alice confirms order o-1
    When Payment "o-1" is sent RecordPayment:
      | amount | 25.00 |
    Then the OrderFulfilment process for "o-1" is completed
    And the OrderFulfilment process for "o-1" has state:
      | stage | paid |
    And no command is sent

  Scenario: A payment that arrives in time stops the clock
    Given alice confirms order o-1
    And 2 days later
    When Payment "o-1" is sent RecordPayment:
      | amount | 25.00 |
    And 2 days pass
    Then no command is sent
    And Order "o-1" has state:
      | status | confirmed |

  Scenario: No payment within three days cancels the order
    Given alice confirms order o-1
    When 3 days pass
    Then Inventory "BOOK-1" was sent ReleaseStock
    And Payment "o-1" was sent VoidPayment:
      | reason | no payment within 3 days |
    And Order "o-1" records:
      | event          | reason                   |
      | OrderCancelled | no payment within 3 days |
    And the OrderFulfilment process for "o-1" is completed

  Scenario: Nothing happens a minute before the deadline
    Given alice confirms order o-1
    When 2 days and 23 hours pass
    Then no command is sent
    And the OrderFulfilment process for "o-1" has state:
      | stage | awaiting payment |

  Scenario: A refused payment puts the stock back and cancels the order
    Given alice confirms order o-1
    When Payment "o-1" is sent RefusePayment:
      | reason | card declined |
    Then Inventory "BOOK-1" records:
      | event         | order | quantity |
      | StockReleased | o-1   | 2        |
    And Order "o-1" records:
      | event          | reason                        |
      | OrderCancelled | payment refused: card declined |
    And the OrderFulfilment process for "o-1" is completed

  Scenario: An item out of stock cancels the order before any payment is asked
    Given order o-1 contains 3 x PEN-7 at 2
    When Order "o-1" is sent ConfirmOrder
    Then Inventory "PEN-7" was sent ReserveStock
    And Inventory "BOOK-1" was sent ReleaseStock
    And Order "o-1" records:
      | event          | reason              |
      | OrderConfirmed |                     |
      | OrderCancelled | out of stock: PEN-7 |
    And the OrderFulfilment process for "o-1" has state:
      | stage | cancelled |

  Scenario: An out-of-stock order never asks for payment
    Given order o-1 contains 3 x PEN-7 at 2
    When Order "o-1" is sent ConfirmOrder
    Then Payment "o-1" records nothing

  Scenario: The customer cancels while the shop waits for payment
    Given alice confirms order o-1
    When Order "o-1" is sent CancelOrder:
      | reason | changed my mind |
    Then Inventory "BOOK-1" was sent ReleaseStock
    And Payment "o-1" was sent VoidPayment
    And the OrderFulfilment process for "o-1" is completed

  Scenario: An order that is only placed starts no fulfilment
    When Order "o-1" is sent ShipOrder:
      | carrier | DHL |
    Then no command is sent

  Scenario: A confirmed order keeps its items
    Given alice confirms order o-1
    When Order "o-1" is sent AddItem:
      | sku   | PEN-7 |
      | price | 2     |
    Then the command is rejected with "OrderAlreadyConfirmed"

  @inline
  Scenario: Inline, the stock is set aside before the command returns
    When Order "o-1" is sent ConfirmOrder
    Then Inventory "BOOK-1" has state:
      | available | 3 |
