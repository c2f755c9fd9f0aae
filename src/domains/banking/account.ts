import { defineAggregate, z } from '../../index';
import { CloseAccount, Deposit, OpenAccount, ReverseDeposit, Withdraw } from './commands';
import { AccountClosed, AccountOpened, DepositReversed, MoneyDeposited, MoneyWithdrawn } from './events';

const AccountState = z.object({
  status: z.enum(['unopened', 'open', 'closed']),
  owner: z.string(),
  balance: z.number(),
  overdraftLimit: z.number(),
  /** Deposits made with a reference, so they can be reversed. */
  deposits: z.record(z.string(), z.object({ amount: z.number(), reversed: z.boolean() })),
});
type AccountState = z.infer<typeof AccountState>;

// Money is kept in cents while adding, so 0.1 + 0.2 is 0.3 in a balance.
const add = (a: number, b: number) => Math.round(a * 100 + b * 100) / 100;

export const Account = defineAggregate({
  name: 'Account',
  description: 'A bank account: open it, pay in, take out within the overdraft, close it.',
  events: [AccountOpened, MoneyDeposited, MoneyWithdrawn, AccountClosed, DepositReversed],
  commands: [OpenAccount, Deposit, Withdraw, CloseAccount, ReverseDeposit],
  state: AccountState,
  initialState: { status: 'unopened', owner: '', balance: 0, overdraftLimit: 0, deposits: {} },
  snapshot: { every: 100 },
  rejections: {
    AccountAlreadyOpen: 'An account number can be opened only once.',
    AccountNotOpen: 'Money moves only on an open account.',
    InsufficientFunds: 'A withdrawal may not go past the overdraft limit.',
    BalanceNotZero: 'Only an account with a zero balance can be closed.',
    UnknownDeposit: 'Only a deposit made with a reference can be reversed.',
    DepositAlreadyReversed: 'A deposit is reversed at most once.',
  },
}).behavior({
  evolve: {
    AccountOpened: (state, { owner, overdraftLimit }) => ({ ...state, status: 'open', owner, overdraftLimit }),
    MoneyDeposited: (state, { amount, reference }) => ({
      ...state,
      balance: add(state.balance, amount),
      deposits: reference === undefined ? state.deposits : { ...state.deposits, [reference]: { amount, reversed: false } },
    }),
    DepositReversed: (state, { reference, amount }) => ({
      ...state,
      balance: add(state.balance, -amount),
      deposits: { ...state.deposits, [reference]: { amount, reversed: true } },
    }),
    MoneyWithdrawn: (state, { amount }) => ({ ...state, balance: add(state.balance, -amount) }),
    AccountClosed: (state) => ({ ...state, status: 'closed' }),
  },
  decide: {
    OpenAccount: ({ owner, overdraftLimit }, state, { reject }) => {
      if (state.status !== 'unopened') reject('AccountAlreadyOpen', 'this account is already open');
      return { type: 'AccountOpened', data: { owner, overdraftLimit } };
    },
    Deposit: (deposit, state, { reject }) => {
      if (state.status !== 'open') reject('AccountNotOpen', 'open the account first, or use an account that is not closed');
      return { type: 'MoneyDeposited', data: deposit };
    },
    Withdraw: (withdrawal, state, { reject }) => {
      if (state.status !== 'open') reject('AccountNotOpen', 'open the account first, or use an account that is not closed');
      if (add(state.balance, -withdrawal.amount) < -state.overdraftLimit) {
        reject('InsufficientFunds', `the balance is ${state.balance} and the overdraft limit ${state.overdraftLimit}`);
      }
      return { type: 'MoneyWithdrawn', data: withdrawal };
    },
    ReverseDeposit: ({ reference, reason }, state, { reject }) => {
      if (state.status !== 'open') reject('AccountNotOpen', 'only deposits on an open account can be reversed');
      const deposit = state.deposits[reference];
      if (!deposit) reject('UnknownDeposit', `no deposit with reference ${reference}`);
      if (deposit!.reversed) reject('DepositAlreadyReversed', `deposit ${reference} was already reversed`);
      if (add(state.balance, -deposit!.amount) < -state.overdraftLimit) {
        reject('InsufficientFunds', `reversing ${deposit!.amount} would take the balance past the overdraft limit`);
      }
      return { type: 'DepositReversed', data: { reference, amount: deposit!.amount, reason: reason ?? 'reversed by the bank' } };
    },
    CloseAccount: ({ reason }, state, { reject }) => {
      if (state.status !== 'open') reject('AccountNotOpen', 'only an open account can be closed');
      if (state.balance !== 0) reject('BalanceNotZero', `the balance is ${state.balance}; pay it out or in first`);
      return { type: 'AccountClosed', data: { reason: reason ?? 'closed by the owner' } };
    },
  },
  invariants: [{ name: 'the balance never goes below the overdraft limit', holds: (s) => s.balance >= -s.overdraftLimit }],
});
