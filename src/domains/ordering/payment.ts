import { defineAggregate, defineCommand, defineEvent, z } from '../../index';

const currency = z.enum(['EUR', 'USD', 'GBP']);

export const PaymentRequested = defineEvent('PaymentRequested', z.object({ amount: z.number().nonnegative(), currency }), {
  description: 'The customer was asked to pay for the order.',
  example: { amount: 10, currency: 'EUR' },
});
export const PaymentReceived = defineEvent('PaymentReceived', z.object({ amount: z.number().nonnegative() }), {
  description: 'The payment provider says the customer paid.',
  example: { amount: 10 },
});
export const PaymentRefused = defineEvent('PaymentRefused', z.object({ reason: z.string().min(1) }), {
  description: 'The payment provider refused the payment.',
  example: { reason: 'card declined' },
});
export const PaymentVoided = defineEvent('PaymentVoided', z.object({ reason: z.string().min(1) }), {
  description: 'The request to pay was withdrawn; a later payment is refunded.',
  example: { reason: 'order cancelled' },
});

export const RequestPayment = defineCommand('RequestPayment', z.object({ amount: z.number().nonnegative(), currency }), {
  description: 'Ask the customer to pay an order (the payment id is the order id).',
  example: { amount: 10, currency: 'EUR' },
});
export const RecordPayment = defineCommand('RecordPayment', z.object({ amount: z.number().nonnegative() }), {
  description: 'Record that the payment provider received the money.',
  example: { amount: 10 },
});
export const RefusePayment = defineCommand('RefusePayment', z.object({ reason: z.string().min(1) }), {
  description: 'Record that the payment provider refused the payment.',
  example: { reason: 'card declined' },
});
export const VoidPayment = defineCommand('VoidPayment', z.object({ reason: z.string().min(1) }), {
  description: 'Withdraw a request to pay that is still open.',
  example: { reason: 'order cancelled' },
});

export const Payment = defineAggregate({
  name: 'Payment',
  description: 'Paying for one order: requested, then received, refused or voided.',
  events: [PaymentRequested, PaymentReceived, PaymentRefused, PaymentVoided],
  commands: [RequestPayment, RecordPayment, RefusePayment, VoidPayment],
  state: z.object({ status: z.enum(['none', 'requested', 'received', 'refused', 'voided']), amount: z.number() }),
  initialState: { status: 'none', amount: 0 },
  rejections: {
    PaymentNotRequested: 'Only a requested payment can be received, refused or voided.',
    PaymentAlreadySettled: 'A payment is received, refused or voided once.',
    WrongAmount: 'A payment must be for the amount requested.',
  },
}).behavior({
  evolve: {
    PaymentRequested: (_state, { amount }) => ({ status: 'requested', amount }),
    PaymentReceived: (state) => ({ ...state, status: 'received' }),
    PaymentRefused: (state) => ({ ...state, status: 'refused' }),
    PaymentVoided: (state) => ({ ...state, status: 'voided' }),
  },
  decide: {
    RequestPayment: (data, state, { reject }) => {
      if (state.status !== 'none') reject('PaymentAlreadySettled', 'this payment was already requested');
      return { type: 'PaymentRequested', data };
    },
    RecordPayment: ({ amount }, state, { reject }) => {
      mustBeRequested(state.status, reject);
      if (amount !== state.amount) reject('WrongAmount', `${state.amount} was requested, ${amount} received`);
      return { type: 'PaymentReceived', data: { amount } };
    },
    RefusePayment: (data, state, { reject }) => {
      mustBeRequested(state.status, reject);
      return { type: 'PaymentRefused', data };
    },
    VoidPayment: (data, state, { reject }) => {
      mustBeRequested(state.status, reject);
      return { type: 'PaymentVoided', data };
    },
  },
});

function mustBeRequested(status: string, reject: (name: 'PaymentNotRequested' | 'PaymentAlreadySettled', message?: string) => never): void {
  if (status === 'none') reject('PaymentNotRequested', 'no payment was requested for this order');
  if (status !== 'requested') reject('PaymentAlreadySettled', `the payment was already ${status}`);
}
