Feature: Transferring money between accounts
  A transfer takes the money out of one account and pays it into the other. If the first
  account cannot pay, nothing moves. If the second account refuses the money, it is paid back.

  Background:
    Given alice opened account a-1
    And 100 was deposited into account a-1
    And bob opened account b-1

  Scenario: The money moves from one account to the other
    When Transfer "t-1" is sent RequestTransfer:
      | from   | a-1 |
      | to     | b-1 |
      | amount | 30  |
    Then Account "a-1" has state:
      | balance | 70 |
    And Account "b-1" has state:
      | balance | 30 |
    And Transfer "t-1" records TransferRequested and TransferCompleted

  Scenario: Both sides of a transfer carry its reference
    When Transfer "t-1" is sent RequestTransfer:
      | from   | a-1 |
      | to     | b-1 |
      | amount | 30  |
    Then Account "a-1" was sent Withdraw:
      | amount    | 30           |
      | reference | transfer t-1 |
    And Account "b-1" was sent Deposit:
      | amount    | 30           |
      | reference | transfer t-1 |

  Scenario: Without the funds, nothing moves and the transfer fails
    When Transfer "t-1" is sent RequestTransfer:
      | from   | a-1 |
      | to     | b-1 |
      | amount | 500 |
    Then Account "b-1" records nothing
    And Account "a-1" records nothing
    And Transfer "t-1" records:
      | event             | reason            |
      | TransferRequested |                   |
      | TransferFailed    | InsufficientFunds |

  Scenario: A closed account refuses the money, which is paid back
    Given Account "c-1" has recorded:
      | event         | owner |
      | AccountOpened | carol |
      | AccountClosed |       |
    When Transfer "t-1" is sent RequestTransfer:
      | from   | a-1 |
      | to     | c-1 |
      | amount | 30  |
    Then Account "a-1" records:
      | event          | amount | reference              |
      | MoneyWithdrawn | 30     | transfer t-1           |
      | MoneyDeposited | 30     | transfer t-1 paid back |
    And Account "a-1" has state:
      | balance | 100 |
    And the MoneyTransfer process for "t-1" has state:
      | outcome | paid back |

  Scenario: A paid-back transfer says which account refused it
    Given Account "c-1" has recorded:
      | event         | owner |
      | AccountOpened | carol |
      | AccountClosed |       |
    When Transfer "t-1" is sent RequestTransfer:
      | from   | a-1 |
      | to     | c-1 |
      | amount | 30  |
    Then Transfer "t-1" records:
      | event             | reason              |
      | TransferRequested |                     |
      | TransferFailed    | c-1: AccountNotOpen |

  Scenario: A transfer to the same account is refused before any money moves
    When Transfer "t-1" is sent RequestTransfer:
      | from   | a-1 |
      | to     | a-1 |
      | amount | 30  |
    Then the command is rejected with "SameAccount"
    And no command is sent

  Scenario: A transfer id is used once
    Given Transfer "t-1" has recorded TransferRequested:
      | from   | a-1 |
      | to     | b-1 |
      | amount | 10  |
    When Transfer "t-1" is sent RequestTransfer:
      | from   | a-1 |
      | to     | b-1 |
      | amount | 10  |
    Then the command is rejected with "TransferAlreadyRequested"
    And no command is sent
    And Account "b-1" has state:
      | balance | 10 |

  Scenario: A transfer completes its process
    When Transfer "t-1" is sent RequestTransfer:
      | from   | a-1 |
      | to     | b-1 |
      | amount | 30  |
    Then the MoneyTransfer process for "t-1" is completed
    And the MoneyTransfer process for "t-1" has state:
      | outcome | completed |

  @inline
  Scenario: Inline, the balances are right when the command returns
    When Transfer "t-1" is sent RequestTransfer:
      | from   | a-1 |
      | to     | b-1 |
      | amount | 30  |
    Then the AccountBalance "b-1" is:
      | balance | 30 |
