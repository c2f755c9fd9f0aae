Feature: Orders recorded by older versions of the system
  OrderPlaced was first recorded with a bare total (version 1). Version 2 names the amount and
  its currency. Old events stay as they were stored and are read as version 2.

  Scenario: An order placed before currencies existed is read in euros
    Given Order "o-1" has recorded (v1):
      | event       | customer | total |
      | OrderPlaced | alice    | 20.00 |
    Then Order "o-1" has state:
      | customer | alice |
      | currency | EUR   |
      | total    | 20    |

  Scenario: A placed order can be shipped, whatever version placed it
    Given Order "o-1" has recorded (v1):
      | event       | customer | total |
      | OrderPlaced | alice    | 20.00 |
    When Order "o-1" is sent ShipOrder:
      | carrier | DHL |
    Then Order "o-1" records:
      | event        | carrier |
      | OrderShipped | DHL     |
    And Order "o-1" has state:
      | status | shipped |

  Scenario: Old and new versions mix in one history
    Given Order "o-1" has recorded (v1):
      | event       | customer |
      | OrderPlaced | alice    |
    And Order "o-1" has recorded:
      | event     | sku    | quantity | price |
      | ItemAdded | BOOK-1 | 2        | 5     |
    Then Order "o-1" has state:
      | total    | 10  |
      | currency | EUR |
    And Order "o-1" is at version 2
