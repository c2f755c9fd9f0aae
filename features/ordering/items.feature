Feature: Items in an order
  Items can be added to and removed from an open order; the total follows.

  Background:
    Given Order "o-1" has recorded OrderPlaced:
      | customer | alice |

  Scenario: Adding an item raises the total
    When Order "o-1" is sent AddItem:
      | sku      | BOOK-1 |
      | quantity | 2      |
      | price    | 12.50  |
    Then Order "o-1" records:
      | event     | sku    | quantity | price |
      | ItemAdded | BOOK-1 | 2        | 12.5  |
    And Order "o-1" has state:
      | total                 | 25.00 |
      | items.BOOK-1.quantity | 2     |

  Scenario: Adding the same item again adds to its quantity
    Given Order "o-1" has recorded:
      | event     | sku    | quantity | price |
      | ItemAdded | BOOK-1 | 1        | 10.00 |
    When Order "o-1" is sent AddItem:
      | sku   | quantity | price |
      | BOOK-1 | 3       | 10.00 |
    Then Order "o-1" has state:
      | items.BOOK-1.quantity | 4     |
      | total                 | 40.00 |

  Scenario: The quantity defaults to one
    When Order "o-1" is sent AddItem:
      | sku   | PEN-7 |
      | price | 1.99  |
    Then Order "o-1" records:
      | event     | quantity |
      | ItemAdded | 1        |

  Scenario: Removing an item lowers the total
    Given Order "o-1" has recorded:
      | event     | sku    | quantity | price |
      | ItemAdded | BOOK-1 | 1        | 10.00 |
      | ItemAdded | PEN-7  | 2        | 2.50  |
    When Order "o-1" is sent RemoveItem:
      | sku | PEN-7 |
    Then Order "o-1" records ItemRemoved
    And Order "o-1" has state:
      | total | 10.00 |

  Scenario: Only items in the order can be removed
    When Order "o-1" is sent RemoveItem:
      | sku | GHOST-1 |
    Then the command is rejected with "ItemNotInOrder"
    And Order "o-1" records nothing

  Scenario: Items are given as JSON when that is easier
    When Order "o-1" is sent AddItem:
      """
      { "sku": "MUG-3", "quantity": 4, "price": 7.25 }
      """
    Then Order "o-1" has state:
      | total | 29.00 |

  Scenario Outline: Quantities and prices make the total
    When Order "o-1" is sent AddItem:
      | sku      | <sku>      |
      | quantity | <quantity> |
      | price    | <price>    |
    Then Order "o-1" has state:
      | total | <total> |

    Examples:
      | sku    | quantity | price | total  |
      | BOOK-1 | 1        | 12.50 | 12.50  |
      | BOOK-1 | 3        | 0.10  | 0.30   |
      | CHAIR  | 4        | 99.99 | 399.96 |
      | FREE-1 | 5        | 0     | 0      |
