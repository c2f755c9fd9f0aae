import { defineProjection, z } from '../../index';
import type { ReadModelAccess } from '../../index';
import { AccountClosed, AccountOpened, DepositReversed, MoneyDeposited, MoneyWithdrawn } from './events';

// Money is added in cents, so 0.1 + 0.2 is 0.3 in a balance.
const add = (a: number, b: number) => Math.round(a * 100 + b * 100) / 100;

export const AccountBalance = z.object({
  owner: z.string(),
  status: z.enum(['open', 'closed']),
  balance: z.number(),
  overdraftLimit: z.number(),
});
export type AccountBalance = z.infer<typeof AccountBalance>;

/** One movement. Its own document, so a long-lived account never grows one huge document. */
export const StatementLine = z.object({
  account: z.string(),
  /** The account's event version: the line number of the statement. */
  version: z.number().int().positive(),
  date: z.string(),
  /** A reversal takes a deposit back; its reference is the deposit's. */
  kind: z.enum(['deposit', 'withdrawal', 'reversal']),
  amount: z.number(),
  reference: z.string().optional(),
  balanceAfter: z.number(),
});
export type StatementLine = z.infer<typeof StatementLine>;

/** The head of a statement: whose it is, the running balance and how many lines it has. */
export const AccountStatement = z.object({
  owner: z.string(),
  balance: z.number(),
  movements: z.number().int().nonnegative(),
});
export type AccountStatement = z.infer<typeof AccountStatement>;

/** Line ids sort by account, then in the order the money moved: `a-1/0000000002`. */
export const statementLineId = (account: string, version: number) => `${account}/${String(version).padStart(10, '0')}`;

function opened<T>(doc: T | undefined, id: string): T {
  if (!doc) throw new Error(`account ${id} has money movements but was never opened; its history should start with AccountOpened`);
  return doc;
}

/** The current balance of each account. */
export const accountBalances = defineProjection({
  name: 'AccountBalances',
  description: 'The balance, owner and status of every account.',
  readModels: { AccountBalance },
  from: [AccountOpened, MoneyDeposited, MoneyWithdrawn, DepositReversed, AccountClosed],
  handlers: {
    AccountOpened: ({ aggregateId, data }, { AccountBalance }) => {
      AccountBalance.put(aggregateId, { owner: data.owner, status: 'open', balance: 0, overdraftLimit: data.overdraftLimit });
    },
    MoneyDeposited: async ({ aggregateId, data }, { AccountBalance }) => {
      await AccountBalance.update(aggregateId, (a) => ({ ...opened(a, aggregateId), balance: add(opened(a, aggregateId).balance, data.amount) }));
    },
    MoneyWithdrawn: async ({ aggregateId, data }, { AccountBalance }) => {
      await AccountBalance.update(aggregateId, (a) => ({ ...opened(a, aggregateId), balance: add(opened(a, aggregateId).balance, -data.amount) }));
    },
    DepositReversed: async ({ aggregateId, data }, { AccountBalance }) => {
      await AccountBalance.update(aggregateId, (a) => ({ ...opened(a, aggregateId), balance: add(opened(a, aggregateId).balance, -data.amount) }));
    },
    AccountClosed: async ({ aggregateId }, { AccountBalance }) => {
      await AccountBalance.update(aggregateId, (a) => ({ ...opened(a, aggregateId), status: 'closed' }));
    },
  },
});

/** Every deposit and withdrawal of an account, in order, with the balance after each. */
export const accountStatements = defineProjection({
  name: 'AccountStatements',
  description: 'The statement of movements of every account: one line per deposit or withdrawal.',
  readModels: { AccountStatement, StatementLine },
  from: [AccountOpened, MoneyDeposited, MoneyWithdrawn, DepositReversed],
  handlers: {
    AccountOpened: ({ aggregateId, data }, { AccountStatement }) => {
      AccountStatement.put(aggregateId, { owner: data.owner, balance: 0, movements: 0 });
    },
    MoneyDeposited: (event, models) => movement(event, 'deposit', models),
    MoneyWithdrawn: (event, models) => movement(event, 'withdrawal', models),
    DepositReversed: (event, models) => movement(event, 'reversal', models),
  },
});

async function movement(
  event: { aggregateId: string; version: number; metadata: { occurredAt: string }; data: { amount: number; reference?: string | undefined } },
  kind: StatementLine['kind'],
  models: { AccountStatement: ReadModelAccess<AccountStatement>; StatementLine: ReadModelAccess<StatementLine> },
): Promise<void> {
  const account = event.aggregateId;
  const { amount, reference } = event.data;
  const statement = await models.AccountStatement.update(account, (s) => {
    const current = opened(s, account);
    return { ...current, balance: add(current.balance, kind === 'deposit' ? amount : -amount), movements: current.movements + 1 };
  });
  const line = { account, version: event.version, date: event.metadata.occurredAt.slice(0, 10), kind, amount, balanceAfter: statement!.balance };
  models.StatementLine.put(statementLineId(account, event.version), reference === undefined ? line : { ...line, reference });
}
