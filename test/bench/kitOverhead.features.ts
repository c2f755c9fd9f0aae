/**
 * The generated scenarios of the kit-overhead and start-up benchmarks: five kinds in turn (history
 * tables, history by name, commands with and without tables, recorded events, rejections, state and
 * version checks) on both example domains, 20 to a feature file.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PER_FEATURE = 20;
const carriers = ['DHL', 'UPS', 'FedEx', 'PostNL'];

/** Five kinds of scenario, in turn. Every cell is written the way String(value) prints it, so raw steps can compare text. */
function scenario(n: number): string[] {
  const carrier = carriers[n % 4]!;
  switch (n % 5) {
    case 0:
      return [
        `  Scenario: Order ${n} ships with ${carrier}`,
        `    Given the time is "2025-03-01T10:00:00Z"`,
        `    And Order "o-${n}" has recorded:`,
        `      | event       | customer      | amount | sku      | quantity | price |`,
        `      | OrderPlaced | customer-${n} | ${n % 50} |        |          |       |`,
        `      | ItemAdded   |               |        | BOOK-${n} | 2        | 10.5  |`,
        `    When Order "o-${n}" is sent ShipOrder:`,
        `      | carrier | ${carrier} |`,
        `    Then Order "o-${n}" records:`,
        `      | event        | carrier |`,
        `      | OrderShipped | ${carrier} |`,
        `    And Order "o-${n}" has state:`,
        `      | status  | shipped |`,
        `      | carrier | ${carrier} |`,
        `      | total   | ${(n % 50) + 21} |`,
      ];
    case 1:
      return [
        `  Scenario: Shipped order ${n} cannot be cancelled`,
        `    Given Order "o-${n}" has recorded OrderPlaced, ItemAdded and OrderShipped`,
        `    When Order "o-${n}" is sent CancelOrder`,
        `    Then the command is rejected with "OrderAlreadyShipped"`,
        `    And Order "o-${n}" records nothing`,
      ];
    case 2:
      return [
        `  Scenario: Account ${n} pays out within its balance`,
        `    Given the time is "2025-03-02T09:30:00Z"`,
        `    And Account "a-${n}" has recorded:`,
        `      | event          | owner      | amount |`,
        `      | AccountOpened  | owner-${n} |        |`,
        `      | MoneyDeposited |            | 100    |`,
        `    When Account "a-${n}" is sent Withdraw:`,
        `      | amount | ${(n % 90) + 1} |`,
        `    Then Account "a-${n}" records:`,
        `      | event          | amount |`,
        `      | MoneyWithdrawn | ${(n % 90) + 1} |`,
        `    And Account "a-${n}" has state:`,
        `      | status  | open |`,
        `      | balance | ${100 - ((n % 90) + 1)} |`,
        `    And Account "a-${n}" is at version 3`,
      ];
    case 3:
      return [
        `  Scenario: Account ${n} cannot go past its overdraft`,
        `    Given Account "a-${n}" has recorded AccountOpened and MoneyDeposited`,
        `    When Account "a-${n}" is sent Withdraw:`,
        `      | amount | ${500 + n} |`,
        `    Then the command is rejected with "InsufficientFunds"`,
        `    And Account "a-${n}" records nothing`,
        `    And Account "a-${n}" has state:`,
        `      | balance | 100 |`,
      ];
    default:
      return [
        `  Scenario: Order ${n} takes an item`,
        `    Given Order "o-${n}" has recorded OrderPlaced:`,
        `      | customer | customer-${n} |`,
        `    When Order "o-${n}" is sent AddItem:`,
        `      | sku      | BOOK-${n} |`,
        `      | quantity | 3 |`,
        `      | price    | 4.5 |`,
        `    Then the command is accepted`,
        `    And Order "o-${n}" records ItemAdded`,
        `    And Order "o-${n}" has state:`,
        `      | status | placed |`,
        `      | total  | 13.5 |`,
        `    And Order "o-${n}" is at version 2`,
      ];
  }
}

export function writeFeatures(dir: string, scenarios: number): void {
  mkdirSync(join(dir, 'features'));
  for (let f = 0; f * PER_FEATURE < scenarios; f++) {
    const lines = [`Feature: Generated batch ${f}`, ''];
    for (let n = f * PER_FEATURE; n < Math.min(scenarios, (f + 1) * PER_FEATURE); n++) lines.push(...scenario(n), '');
    writeFileSync(join(dir, 'features', `batch-${String(f).padStart(4, '0')}.feature`), lines.join('\n'));
  }
}
