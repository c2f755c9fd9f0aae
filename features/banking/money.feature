Feature: Moving money
  Deposits raise the balance; withdrawals lower it, but never past the overdraft limit.

  Background:
    Given Account "a-1" has recorded:
      | event          | owner | overdraftLimit | amount |
      | AccountOpened  | alice | 50             |        |
      | MoneyDeposited |       |                | 100    |

  Scenario: A deposit raises the balance
    When Account "a-1" is sent Deposit:
      | amount    | 25.50      |
      | reference | salary-mar |
    Then Account "a-1" records:
      | event          | amount | reference  |
      | MoneyDeposited | 25.5   | salary-mar |
    And Account "a-1" has state:
      | balance | 125.50 |

  Scenario: A withdrawal within the balance is paid out
    When Account "a-1" is sent Withdraw:
      | amount | 40 |
    Then Account "a-1" records MoneyWithdrawn
    And Account "a-1" has state:
      | balance | 60 |

  Scenario: A withdrawal may use the overdraft
    When Account "a-1" is sent Withdraw:
      | amount | 150 |
    Then the command is accepted
    And Account "a-1" has state:
      | balance | -50 |

  Scenario: A withdrawal past the overdraft is refused
    When Account "a-1" is sent Withdraw:
      | amount | 150.01 |
    Then the command is rejected with "InsufficientFunds"
    And Account "a-1" records nothing
    And Account "a-1" is at version 2

  Scenario Outline: The overdraft decides what can be withdrawn
    Given Account "b-1" has recorded AccountOpened:
      | owner          | bob         |
      | overdraftLimit | <overdraft> |
    And Account "b-1" has recorded MoneyDeposited:
      | amount | <balance> |
    When Account "b-1" is sent Withdraw:
      | amount | <amount> |
    Then the command is <outcome>

    Examples:
      | overdraft | balance | amount | outcome                                |
      | 0         | 10      | 10     | accepted                               |
      | 0         | 10      | 10.01  | rejected with "InsufficientFunds"      |
      | 100       | 10      | 110    | accepted                               |
      | 100       | 10      | 111    | rejected with "InsufficientFunds"      |

  Scenario: Cents add up exactly
    When Account "a-1" is sent Deposit:
      | amount | 0.10 |
    And Account "a-1" is sent Deposit:
      | amount | 0.20 |
    Then Account "a-1" has state:
      | balance | 100.30 |
    And Account "a-1" records:
      | event          | amount |
      | MoneyDeposited | 0.1    |
      | MoneyDeposited | 0.2    |

  Scenario: History shows the balance at each point in time
    Given the time is "2025-03-01T09:00:00Z"
    And Account "c-1" has recorded AccountOpened
    And the time is "2025-03-02T09:00:00Z"
    And Account "c-1" has recorded MoneyDeposited:
      | amount | 70 |
    When the time is "2025-03-03T09:00:00Z"
    And Account "c-1" is sent Withdraw:
      | amount | 20 |
    Then Account "c-1" at version 2 has state:
      | balance | 70 |
    And Account "c-1" as of "2025-03-01T12:00:00Z" has state:
      | balance | 0    |
      | status  | open |
    And Account "c-1" has state:
      | balance | 50 |
