@read-side
Feature: Account balance and statement
  Customers see the balance of each account and a statement listing every deposit and
  withdrawal with the balance after it. Each statement line is a document of its own,
  so an account with years of movements never becomes one huge document. Both are read models, updated shortly after
  the money moves.

  Background:
    Given the time is "2025-03-01T10:00:00Z"
    And Account "a-1" has recorded AccountOpened:
      | owner          | alice  |
      | overdraftLimit | 100.00 |

  Scenario: A deposit raises the balance
    When Account "a-1" is sent Deposit:
      | amount | 250.00 |
    Then eventually the AccountBalance "a-1" is:
      | owner   | alice  |
      | status  | open   |
      | balance | 250.00 |

  Scenario: A withdrawal into the overdraft shows a negative balance
    Given Account "a-1" has recorded MoneyDeposited:
      | amount | 20.00 |
    When Account "a-1" is sent Withdraw:
      | amount | 70.00 |
    Then eventually the AccountBalance "a-1" is:
      | balance        | -50.00 |
      | overdraftLimit | 100.00 |

  Scenario: Cents add up exactly
    Given Account "a-1" has recorded:
      | event          | amount |
      | MoneyDeposited | 0.10   |
      | MoneyDeposited | 0.20   |
    When the projections have caught up
    Then the AccountBalance "a-1" is:
      | balance | 0.30 |

  Scenario: The statement lists every movement with the balance after it
    Given Account "a-1" has recorded:
      | event          | amount | reference |
      | MoneyDeposited | 100.00 | salary    |
      | MoneyWithdrawn | 30.00  | rent      |
      | MoneyWithdrawn | 80.00  | holiday   |
    Then eventually the StatementLine documents with account "a-1" are:
      | kind       | amount | reference | balanceAfter |
      | deposit    | 100.00 | salary    | 100.00       |
      | withdrawal | 30.00  | rent      | 70.00        |
      | withdrawal | 80.00  | holiday   | -10.00       |
    And the AccountStatement "a-1" is:
      | owner     | alice  |
      | balance   | -10.00 |
      | movements | 3      |

  Scenario: Statement lines are dated when the money moved
    Given Account "a-1" has recorded MoneyDeposited:
      | amount | 5.00 |
    And the time is "2025-03-04T09:30:00Z"
    When Account "a-1" is sent Deposit:
      | amount | 7.00 |
    Then eventually the StatementLine documents with account "a-1" are:
      | date       | amount |
      | 2025-03-01 | 5.00   |
      | 2025-03-04 | 7.00   |

  Scenario: A rejected withdrawal leaves balance and statement alone
    When Account "a-1" is sent Withdraw:
      | amount | 500.00 |
    Then the command is rejected with "InsufficientFunds"
    And the projections have caught up
    And the AccountBalance "a-1" is:
      | balance | 0.00 |
    And the AccountStatement "a-1" is:
      | movements | 0 |

  Scenario: A reversed deposit shows on the statement as a reversal
    Given Account "a-1" has recorded:
      | event          | amount | reference |
      | MoneyDeposited | 100.00 | pay-1     |
      | MoneyDeposited | 30.00  | pay-2     |
    When Account "a-1" is sent ReverseDeposit:
      | reference | pay-1 |
    Then eventually the StatementLine documents with account "a-1" are:
      | kind     | amount | reference | balanceAfter |
      | deposit  | 100.00 | pay-1     | 100.00       |
      | deposit  | 30.00  | pay-2     | 130.00       |
      | reversal | 100.00 | pay-1     | 30.00        |
    And the AccountBalance "a-1" is:
      | balance | 30.00 |

  Scenario: A closed account keeps its statement
    Given Account "a-1" has recorded:
      | event          | amount |
      | MoneyDeposited | 10.00  |
      | MoneyWithdrawn | 10.00  |
    When Account "a-1" is sent CloseAccount
    Then eventually the AccountBalance "a-1" is:
      | status  | closed |
      | balance | 0.00   |
    And the StatementLine documents with account "a-1" are:
      | kind       | amount |
      | deposit    | 10.00  |
      | withdrawal | 10.00  |
