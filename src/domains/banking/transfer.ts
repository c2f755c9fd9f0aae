import { defineAggregate, defineCommand, defineEvent, defineProcess, z } from '../../index';
import { Account } from './account';

const amount = z.number().positive();

export const TransferRequested = defineEvent('TransferRequested', z.object({ from: z.string().min(1), to: z.string().min(1), amount }), {
  description: 'A customer asked to move money from one account to another.',
  example: { from: 'a-1', to: 'a-2', amount: 10 },
});
export const TransferCompleted = defineEvent('TransferCompleted', z.object({}), {
  description: 'The money left the one account and arrived in the other.',
});
export const TransferFailed = defineEvent('TransferFailed', z.object({ reason: z.string().min(1) }), {
  description: 'The money did not move (or was paid back); the reason says why.',
  example: { reason: 'InsufficientFunds' },
});

export const RequestTransfer = defineCommand('RequestTransfer', z.object({ from: z.string().min(1), to: z.string().min(1), amount }), {
  description: 'Move money between two accounts of the bank.',
  example: { from: 'a-1', to: 'a-2', amount: 10 },
});
export const CompleteTransfer = defineCommand('CompleteTransfer', z.object({}), { description: 'Record that the money arrived.' });
export const FailTransfer = defineCommand('FailTransfer', z.object({ reason: z.string().min(1) }), {
  description: 'Record that the money could not be moved.',
  example: { reason: 'InsufficientFunds' },
});

export const Transfer = defineAggregate({
  name: 'Transfer',
  description: 'Moving money between two accounts: requested, then completed or failed.',
  events: [TransferRequested, TransferCompleted, TransferFailed],
  commands: [RequestTransfer, CompleteTransfer, FailTransfer],
  state: z.object({ status: z.enum(['none', 'requested', 'completed', 'failed']) }),
  initialState: { status: 'none' },
  rejections: {
    TransferAlreadyRequested: 'A transfer id is used once.',
    SameAccount: 'Money moves between two different accounts.',
    TransferNotPending: 'Only a requested transfer completes or fails, once.',
  },
}).behavior({
  evolve: {
    TransferRequested: () => ({ status: 'requested' }),
    TransferCompleted: () => ({ status: 'completed' }),
    TransferFailed: () => ({ status: 'failed' }),
  },
  decide: {
    RequestTransfer: (data, state, { reject }) => {
      if (state.status !== 'none') reject('TransferAlreadyRequested', 'this transfer id was already used');
      if (data.from === data.to) reject('SameAccount', 'choose two different accounts');
      return { type: 'TransferRequested', data };
    },
    CompleteTransfer: (_data, state, { reject }) => {
      if (state.status !== 'requested') reject('TransferNotPending', `the transfer is ${state.status}`);
      return { type: 'TransferCompleted', data: {} };
    },
    FailTransfer: (data, state, { reject }) => {
      if (state.status !== 'requested') reject('TransferNotPending', `the transfer is ${state.status}`);
      return { type: 'TransferFailed', data };
    },
  },
});

/**
 * Takes the money out of one account, pays it into the other, and records the outcome. When the
 * withdrawal is refused nothing moved; when the deposit is refused the money is paid back.
 */
export const MoneyTransfer = defineProcess({
  name: 'MoneyTransfer',
  description: 'Moves the money of a requested transfer, paying it back when the receiving account refuses it.',
  from: [TransferRequested],
  startedBy: [TransferRequested],
  correlate: { TransferRequested: (event) => event.aggregateId },
  state: z.object({ from: z.string(), to: z.string(), amount: z.number(), outcome: z.enum(['moving', 'completed', 'failed', 'paid back']) }),
  initialState: { from: '', to: '', amount: 0, outcome: 'moving' },
}).behavior({
  react: {
    TransferRequested: (_state, { from, to, amount }, process) => {
      const reference = `transfer ${process.id}`;
      process.send(Account, from, { type: 'Withdraw', data: { amount, reference } });
      process.send(Account, to, { type: 'Deposit', data: { amount, reference } });
      process.send(Transfer, process.id, { type: 'CompleteTransfer', data: {} });
      process.complete();
      return { from, to, amount, outcome: 'completed' };
    },
  },
  whenRejected: {
    Withdraw: (state, refused, process) => {
      process.send(Transfer, process.id, { type: 'FailTransfer', data: { reason: refused.rejection } });
      return { ...state, outcome: 'failed' };
    },
    Deposit: (state, refused, process) => {
      process.send(Account, state.from, { type: 'Deposit', data: { amount: state.amount, reference: `transfer ${process.id} paid back` } });
      process.send(Transfer, process.id, { type: 'FailTransfer', data: { reason: `${state.to}: ${refused.rejection}` } });
      return { ...state, outcome: 'paid back' };
    },
  },
});
