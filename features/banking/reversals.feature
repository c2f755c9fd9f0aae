Feature: Reversing a deposit
  A deposit that bounced is not deleted: a DepositReversed event compensates it, so the history
  still shows both the deposit and its reversal.

  Background:
    Given the time is "2025-03-01T09:00:00Z"
    And Account "a-1" has recorded AccountOpened
    And Account "a-1" has recorded MoneyDeposited:
      | amount    | 200     |
      | reference | cheque-7 |

  Scenario: A bounced cheque is reversed
    Given the time is "2025-03-04T09:00:00Z"
    When Account "a-1" is sent ReverseDeposit:
      | reference | cheque-7       |
      | reason    | cheque bounced |
    Then Account "a-1" records:
      | event           | reference | amount | reason         |
      | DepositReversed | cheque-7  | 200    | cheque bounced |
    And Account "a-1" has state:
      | balance                   | 0    |
      | deposits.cheque-7.reversed | true |
    And Account "a-1" is at version 3

  Scenario: The history still shows the money before the reversal
    Given the time is "2025-03-04T09:00:00Z"
    When Account "a-1" is sent ReverseDeposit:
      | reference | cheque-7 |
    Then Account "a-1" at version 2 has state:
      | balance | 200 |
    And Account "a-1" as of "2025-03-02T00:00:00Z" has state:
      | balance | 200 |
    And Account "a-1" has state:
      | balance | 0 |

  Scenario: A deposit is reversed at most once
    Given Account "a-1" has recorded DepositReversed:
      | reference | cheque-7 |
      | amount    | 200      |
    When Account "a-1" is sent ReverseDeposit:
      | reference | cheque-7 |
    Then the command is rejected with "DepositAlreadyReversed"
    And Account "a-1" records nothing

  Scenario: Only a known deposit can be reversed
    When Account "a-1" is sent ReverseDeposit:
      | reference | cheque-8 |
    Then the command is rejected with "UnknownDeposit"

  Scenario: A reversal cannot take the balance past the overdraft
    Given Account "a-1" has recorded MoneyWithdrawn:
      | amount | 150 |
    When Account "a-1" is sent ReverseDeposit:
      | reference | cheque-7 |
    Then the command is rejected with "InsufficientFunds"
