Feature: Banking in the bank's own words

  Scenario: A teller takes a deposit
    Given alice opened account a-7
    When teller-3 deposits 250 into account a-7
    Then Account "a-7" has state:
      | balance | 250 |

  Scenario: A teller pays out a withdrawal
    Given alice opened account a-8
    And 80 was deposited into account a-8
    When teller-3 withdraws 30 from account a-8
    Then account a-8 records a withdrawal of 30
    And Account "a-8" has state:
      | balance | 50 |
