import { defineEvent, z } from '../../index';

const amount = z.number().positive();

export const AccountOpened = defineEvent('AccountOpened', z.object({ owner: z.string().min(1), overdraftLimit: z.number().nonnegative().default(0) }), {
  description: 'A customer opened an account, possibly with an agreed overdraft.',
  example: { owner: 'alice', overdraftLimit: 0 },
});
export const MoneyDeposited = defineEvent('MoneyDeposited', z.object({ amount, reference: z.string().optional() }), {
  description: 'Money was paid into the account.',
  example: { amount: 100 },
});
export const MoneyWithdrawn = defineEvent('MoneyWithdrawn', z.object({ amount, reference: z.string().optional() }), {
  description: 'Money was taken out of the account.',
  example: { amount: 10 },
});
export const AccountClosed = defineEvent('AccountClosed', z.object({ reason: z.string().default('closed by the owner') }), {
  description: 'The account was closed; it accepts no more money.',
});
export const DepositReversed = defineEvent(
  'DepositReversed',
  z.object({ reference: z.string().min(1), amount, reason: z.string().default('reversed by the bank') }),
  {
    description: 'A deposit was taken back (a bounced payment, a mistake). The deposit stays in the history; this event compensates it.',
    example: { reference: 'dep-1', amount: 100, reason: 'reversed by the bank' },
  },
);
