import { z } from '../../index';
import { defineProjection } from '../../projections';
import { AccountClosed, AccountOpened, MoneyDeposited, MoneyWithdrawn } from './events';

// Money is added in cents, so 0.1 + 0.2 is 0.3 in a balance.
const add = (a: number, b: number) => Math.round(a * 100 + b * 100) / 100;

export const AccountBalance = z.object({
  owner: z.string(),
  status: z.enum(['open', 'closed']),
  balance: z.number(),
  overdraftLimit: z.number(),
});
export type AccountBalance = z.infer<typeof AccountBalance>;

export const StatementLine = z.object({
  /** The account's event version: the line number of the statement. */
  version: z.number().int().positive(),
  date: z.string(),
  kind: z.enum(['deposit', 'withdrawal']),
  amount: z.number(),
  reference: z.string().optional(),
  balanceAfter: z.number(),
});
export const AccountStatement = z.object({
  owner: z.string(),
  balance: z.number(),
  lines: z.array(StatementLine),
});
export type AccountStatement = z.infer<typeof AccountStatement>;

function opened<T>(doc: T | undefined, id: string): T {
  if (!doc) throw new Error(`account ${id} has money movements but was never opened; its history should start with AccountOpened`);
  return doc;
}

/** The current balance of each account. */
export const accountBalances = defineProjection({
  name: 'AccountBalances',
  description: 'The balance, owner and status of every account.',
  readModels: { AccountBalance },
  from: [AccountOpened, MoneyDeposited, MoneyWithdrawn, AccountClosed],
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
    AccountClosed: async ({ aggregateId }, { AccountBalance }) => {
      await AccountBalance.update(aggregateId, (a) => ({ ...opened(a, aggregateId), status: 'closed' }));
    },
  },
});

/** Every deposit and withdrawal of an account, in order, with the balance after each. */
export const accountStatements = defineProjection({
  name: 'AccountStatements',
  description: 'The statement of movements of every account.',
  readModels: { AccountStatement },
  from: [AccountOpened, MoneyDeposited, MoneyWithdrawn],
  handlers: {
    AccountOpened: ({ aggregateId, data }, { AccountStatement }) => {
      AccountStatement.put(aggregateId, { owner: data.owner, balance: 0, lines: [] });
    },
    MoneyDeposited: async (event, { AccountStatement }) => {
      await AccountStatement.update(event.aggregateId, (s) => movement(opened(s, event.aggregateId), event, 'deposit', event.data));
    },
    MoneyWithdrawn: async (event, { AccountStatement }) => {
      await AccountStatement.update(event.aggregateId, (s) => movement(opened(s, event.aggregateId), event, 'withdrawal', event.data));
    },
  },
});

function movement(
  statement: AccountStatement,
  event: { version: number; metadata: { occurredAt: string } },
  kind: 'deposit' | 'withdrawal',
  { amount, reference }: { amount: number; reference?: string | undefined },
): AccountStatement {
  const balance = add(statement.balance, kind === 'deposit' ? amount : -amount);
  const line = { version: event.version, date: event.metadata.occurredAt.slice(0, 10), kind, amount, balanceAfter: balance };
  return { ...statement, balance, lines: [...statement.lines, reference === undefined ? line : { ...line, reference }] };
}
