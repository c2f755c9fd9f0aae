import { defineCommand, z } from '../../index';

const amount = z.number().positive();

export const OpenAccount = defineCommand('OpenAccount', z.object({ owner: z.string().min(1), overdraftLimit: z.number().nonnegative().default(0) }), {
  description: 'Open an account for a customer.',
  example: { owner: 'alice', overdraftLimit: 0 },
});
export const Deposit = defineCommand('Deposit', z.object({ amount, reference: z.string().optional() }), {
  description: 'Pay money into an open account.',
  example: { amount: 100 },
});
export const Withdraw = defineCommand('Withdraw', z.object({ amount, reference: z.string().optional() }), {
  description: 'Take money out, within the balance plus the overdraft limit.',
  example: { amount: 10 },
});
export const CloseAccount = defineCommand('CloseAccount', z.object({ reason: z.string().optional() }), {
  description: 'Close an account whose balance is zero.',
});
export const ReverseDeposit = defineCommand('ReverseDeposit', z.object({ reference: z.string().min(1), reason: z.string().optional() }), {
  description: 'Take back a deposit by its reference, recording a compensating event.',
  example: { reference: 'dep-1' },
});
