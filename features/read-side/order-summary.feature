@read-side
Feature: Order summary per customer
  The shop shows each customer how many orders they have, where those orders stand
  and what the shipped ones cost, per currency. The summary is a read model: it is updated from the
  recorded events shortly after they happen, not at the same moment.

  Background:
    Given the time is "2025-03-01T10:00:00Z"

  Scenario: Placing an order shows up in the customer's summary
    When Order "o-1" is sent PlaceOrder:
      | customer | alice |
    Then eventually the OrderSummary "alice" is:
      | orders     | 1    |
      | open       | 1    |
      | shipped    | 0    |

  Scenario: Shipped and cancelled orders are counted apart, and only shipped ones are spent
    Given Order "o-1" has recorded:
      | event        | customer | sku  | quantity | price | carrier |
      | OrderPlaced  | alice    |      |          |       |         |
      | ItemAdded    |          | BOOK | 2        | 10.00 |         |
      | OrderShipped |          |      |          |       | DHL     |
    And Order "o-2" has recorded:
      | event          | customer | reason       |
      | OrderPlaced    | alice    |              |
      | OrderCancelled |          | changed mind |
    And Order "o-3" has recorded OrderPlaced
    When the projections have caught up
    Then the OrderSummary "alice" is:
      | orders     | 3     |
      | open       | 1     |
      | shipped    | 1     |
      | cancelled  | 1     |
      | spent.EUR  | 20.00 |

  Scenario: Removing an item before shipping lowers what is spent
    Given Order "o-1" has recorded:
      | event       | customer | sku  | quantity | price |
      | OrderPlaced | bob      |      |          |       |
      | ItemAdded   |          | BOOK | 1        | 12.50 |
      | ItemAdded   |          | PEN  | 3        | 1.50  |
      | ItemRemoved |          | PEN  |          |       |
    When Order "o-1" is sent ShipOrder:
      | carrier | UPS |
    Then eventually the OrderSummary "bob" is:
      | shipped    | 1     |
      | spent.EUR  | 12.50 |

  Scenario: Money spent is kept per currency
    Given Order "o-1" has recorded:
      | event        | customer | amount | currency | carrier |
      | OrderPlaced  | dave     | 15.00  | USD      |         |
      | OrderShipped |          |        |          | UPS     |
    And Order "o-2" has recorded:
      | event        | customer | amount | currency | carrier |
      | OrderPlaced  | dave     | 4.00   | EUR      |         |
      | OrderShipped |          |        |          | DHL     |
    Then eventually the OrderSummary "dave" is:
      | shipped   | 2     |
      | spent.USD | 15.00 |
      | spent.EUR | 4.00  |

  Scenario: Summaries of several customers at once
    Given Order "o-1" has recorded OrderPlaced:
      | customer | alice |
    And Order "o-2" has recorded OrderPlaced:
      | customer | bob |
    And Order "o-3" has recorded OrderPlaced:
      | customer | alice |
    Then eventually the OrderSummary read model has:
      | id    | orders | open |
      | alice | 2      | 2    |
      | bob   | 1      | 1    |

  @inline-read-models
  Scenario: With inline read models, the summary is current as soon as the command is accepted
    Given Order "o-1" has recorded OrderPlaced:
      | customer | carol |
    And Order "o-1" has recorded ItemAdded:
      | sku   | LAMP  |
      | price | 30.00 |
    When Order "o-1" is sent ShipOrder:
      | carrier | DHL |
    Then the command is accepted
    And the OrderSummary "carol" is:
      | shipped    | 1     |
      | spent.EUR  | 30.00 |

  Scenario: A customer without orders has no summary
    Given Order "o-1" has recorded OrderPlaced:
      | customer | alice |
    When the projections have caught up
    Then there is no OrderSummary "zoe"

  Scenario: Rebuilding the summaries gives the same answer
    Given Order "o-1" has recorded OrderPlaced, ItemAdded and OrderShipped
    And the projections have caught up
    When the OrderSummaries projection is rebuilt
    Then the OrderSummaries projection is 0 events behind
    And the OrderSummary "alice" is:
      | orders     | 1     |
      | shipped    | 1     |
      | spent.EUR  | 10.00 |

  Scenario: A stopped projection falls behind, and catches up when started
    Given the projections are stopped
    And Order "o-1" has recorded OrderPlaced and OrderCancelled
    Then the OrderSummaries projection is 2 events behind
    When the projections are started
    Then eventually the OrderSummary "alice" is:
      | cancelled | 1 |
