// Small aggregates, each with one planted bug that the property checks must catch.
import { defineAggregate, defineCommand, defineDomain, defineEvent, upcaster, z } from '../../src';

// 1. An invariant broken by one command path: Withdraw forgets to check the balance.
const WalletOpened = defineEvent('WalletOpened', z.object({ owner: z.string().min(1) }));
const MoneyDeposited = defineEvent('MoneyDeposited', z.object({ amount: z.number().positive() }));
const MoneyWithdrawn = defineEvent('MoneyWithdrawn', z.object({ amount: z.number().positive() }));
export const Wallet = defineAggregate({
  name: 'Wallet',
  events: [WalletOpened, MoneyDeposited, MoneyWithdrawn],
  commands: [
    defineCommand('OpenWallet', z.object({ owner: z.string().min(1) })),
    defineCommand('Deposit', z.object({ amount: z.number().positive().max(100) })),
    defineCommand('Withdraw', z.object({ amount: z.number().positive().max(100) })),
  ],
  initialState: { open: false, owner: '', balance: 0 },
  rejections: { WalletAlreadyOpen: 'A wallet opens once.', WalletNotOpen: 'Open the wallet first.' },
}).behavior({
  evolve: {
    WalletOpened: (state, { owner }) => ({ ...state, open: true, owner }),
    MoneyDeposited: (state, { amount }) => ({ ...state, balance: state.balance + amount }),
    MoneyWithdrawn: (state, { amount }) => ({ ...state, balance: state.balance - amount }),
  },
  decide: {
    OpenWallet: ({ owner }, state, { reject }) => {
      if (state.open) reject('WalletAlreadyOpen');
      return { type: 'WalletOpened', data: { owner } };
    },
    Deposit: ({ amount }, state, { reject }) => {
      if (!state.open) reject('WalletNotOpen');
      return { type: 'MoneyDeposited', data: { amount } };
    },
    Withdraw: ({ amount }, state, { reject }) => {
      if (!state.open) reject('WalletNotOpen');
      // Planted: no check that the balance covers the amount.
      return { type: 'MoneyWithdrawn', data: { amount } };
    },
  },
  invariants: [{ name: 'the balance is never negative', holds: (state) => state.balance >= 0 }],
});

// 2. A non-deterministic evolve: each replay draws a new token.
const TicketRaised = defineEvent('TicketRaised', z.object({ title: z.string().min(1) }));
export const Ticket = defineAggregate({
  name: 'Ticket',
  events: [TicketRaised],
  commands: [defineCommand('RaiseTicket', z.object({ title: z.string().min(1) }))],
  initialState: { raised: false, title: '', token: 0 },
  rejections: { TicketAlreadyRaised: 'A ticket is raised once.' },
}).behavior({
  evolve: {
    // Planted: the state depends on a random number, not on the event.
    TicketRaised: (state, { title }) => ({ ...state, raised: true, title, token: Math.round(Math.random() * 1e6) }),
  },
  decide: {
    RaiseTicket: ({ title }, state, { reject }) => {
      if (state.raised) reject('TicketAlreadyRaised');
      return { type: 'TicketRaised', data: { title } };
    },
  },
});

// 3. A snapshot that drops a field on the real (in-memory) snapshot path: the state keeps the
// currency in a class's private field, which a structured clone of the snapshot leaves out.
export class Price {
  readonly #currency: string;
  constructor(
    readonly amount: number,
    currency: string,
  ) {
    this.#currency = currency;
  }
  get currency(): string {
    return this.#currency;
  }
}
const BasketPriced = defineEvent('BasketPriced', z.object({ amount: z.number().nonnegative(), currency: z.enum(['EUR', 'USD']) }));
export const Basket = defineAggregate({
  name: 'Basket',
  events: [BasketPriced],
  commands: [defineCommand('PriceBasket', z.object({ amount: z.number().nonnegative().max(100), currency: z.enum(['EUR', 'USD']) }))],
  initialState: (): { price: Price } => ({ price: new Price(0, 'EUR') }),
  snapshot: { every: 1 },
}).behavior({
  evolve: { BasketPriced: (_state, { amount, currency }) => ({ price: new Price(amount, currency) }) },
  decide: { PriceBasket: (data) => ({ type: 'BasketPriced', data }) },
});

// 4. A snapshot that drops a field where snapshots are stored as JSON: a Date becomes a string.
const MembershipStarted = defineEvent('MembershipStarted', z.object({ plan: z.enum(['basic', 'gold']) }));
export const Membership = defineAggregate({
  name: 'Membership',
  events: [MembershipStarted],
  commands: [defineCommand('StartMembership', z.object({ plan: z.enum(['basic', 'gold']) }))],
  initialState: (): { plan: string; since?: Date } => ({ plan: 'none' }),
}).behavior({
  evolve: { MembershipStarted: (state, { plan }, event) => ({ ...state, plan, since: new Date(event.metadata.occurredAt) }) },
  decide: { StartMembership: (data) => ({ type: 'MembershipStarted', data }) },
});

// 5. An upcaster that loses data: v1 prices in cents with a currency; the upcaster forgets the currency.
const currency = z.enum(['EUR', 'USD', 'GBP']);
const ProductPriced = defineEvent('ProductPriced', z.object({ amount: z.number().nonnegative(), currency }), {
  upcasters: [
    upcaster(1, z.object({ cents: z.number().int().nonnegative(), currency }), (v1) => ({ amount: v1.cents / 100, currency: 'EUR' })),
  ],
});
export const Product = defineAggregate({
  name: 'Product',
  events: [ProductPriced],
  commands: [defineCommand('PriceProduct', z.object({ amount: z.number().nonnegative(), currency }))],
  state: z.object({ amount: z.number(), currency: z.string() }),
  initialState: { amount: 0, currency: 'EUR' },
}).behavior({
  evolve: { ProductPriced: (_state, { amount, currency }) => ({ amount, currency }) },
  decide: { PriceProduct: (data) => ({ type: 'ProductPriced', data }) },
});

export const planted = defineDomain({ name: 'planted bugs', aggregates: [Wallet, Ticket, Basket, Membership, Product] });

// The wallet with its bug fixed the usual way: an overdraft is refused by name. Everything else is the planted wallet's.
const FixedWallet = defineAggregate({
  name: 'Wallet',
  events: Wallet.events,
  commands: Wallet.commands,
  initialState: Wallet.initialState(),
  rejections: { ...Wallet.rejections, InsufficientFunds: 'A wallet cannot go below zero.' },
}).behavior({
  evolve: Wallet.evolve,
  decide: {
    ...Wallet.decide,
    Withdraw: (command, state, context) => {
      if (state.open && command.amount > state.balance) context.reject('InsufficientFunds');
      return Wallet.decide.Withdraw(command, state, context);
    },
  },
  invariants: Wallet.invariants,
});

export const fixed = defineDomain({ name: 'planted bugs, the wallet fixed', aggregates: [FixedWallet] });
