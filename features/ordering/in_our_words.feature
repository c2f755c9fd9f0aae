Feature: Orders in the shop's own words
  The ordering domain defines phrasings, so scenarios read like the business talks.

  Scenario: A clerk ships an order
    Given alice placed order o-1
    And order o-1 contains 2 x BOOK-1 at 12.50
    When bob ships order o-1 with DHL
    Then order o-1 is shipped with DHL
    And Order "o-1" has state:
      | status | shipped |
      | total  | 25.00   |

  Scenario: The clerk is remembered on the event
    Given alice placed order o-2
    And order o-2 contains 1 x PEN-7 at 2
    When "carol ann" cancels order o-2
    Then Order "o-2" records:
      | event          | metadata.actor |
      | OrderCancelled | carol ann      |
