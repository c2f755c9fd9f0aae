Feature: Opening and closing accounts
  An account is opened once, with an optional overdraft, and closed only when its balance is zero.

  Scenario: A customer opens an account
    When Account "a-1" is sent OpenAccount:
      | owner          | alice |
      | overdraftLimit | 100   |
    Then Account "a-1" records:
      | event         | owner | overdraftLimit |
      | AccountOpened | alice | 100            |
    And Account "a-1" has state:
      | status  | open |
      | balance | 0    |

  Scenario: An account cannot be opened twice
    Given Account "a-1" has recorded AccountOpened
    When Account "a-1" is sent OpenAccount:
      | owner | bob |
    Then the command is rejected with "AccountAlreadyOpen"

  Scenario: An account with a zero balance can be closed
    Given Account "a-1" has recorded:
      | event          | owner | amount |
      | AccountOpened  | alice |        |
      | MoneyDeposited |       | 50     |
      | MoneyWithdrawn |       | 50     |
    When Account "a-1" is sent CloseAccount
    Then Account "a-1" records AccountClosed
    And Account "a-1" has state:
      | status | closed |

  Scenario: An account with money on it cannot be closed
    Given Account "a-1" has recorded AccountOpened, MoneyDeposited
    When Account "a-1" is sent CloseAccount
    Then the command is rejected with "BalanceNotZero"
    And Account "a-1" records nothing

  Scenario: A closed account takes no deposits
    Given Account "a-1" has recorded AccountOpened, AccountClosed
    When Account "a-1" is sent Deposit:
      | amount | 10 |
    Then the command is rejected with "AccountNotOpen"
