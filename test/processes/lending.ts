// A small lending domain: borrowing a book is two commands on two aggregates, tied by a process.
import { defineAggregate, defineCommand, defineDomain, defineEvent, z } from '../../src';
import { definePolicy, defineProcess } from '../../src/processes';

export const LoanRequested = defineEvent('LoanRequested', z.object({ loan: z.string(), book: z.string() }));
export const BookBorrowed = defineEvent('BookBorrowed', z.object({ loan: z.string(), book: z.string() }));
export const LoanCancelled = defineEvent('LoanCancelled', z.object({ loan: z.string(), reason: z.string() }));
export const ReminderSent = defineEvent('ReminderSent', z.object({ loan: z.string() }));
export const Member = defineAggregate({
  name: 'Member',
  events: [LoanRequested, BookBorrowed, LoanCancelled, ReminderSent],
  commands: [
    defineCommand('RequestLoan', z.object({ loan: z.string(), book: z.string() })),
    defineCommand('RecordBorrowing', z.object({ loan: z.string(), book: z.string() })),
    defineCommand('CancelLoan', z.object({ loan: z.string(), reason: z.string() })),
    defineCommand('RemindMember', z.object({ loan: z.string() })),
  ],
  initialState: { loans: 0 },
  rejections: { TooManyLoans: 'A member has at most 3 loans.' },
}).behavior({
  evolve: {
    BookBorrowed: (state) => ({ loans: state.loans + 1 }),
  },
  decide: {
    RequestLoan: (data, state, { reject }) => {
      if (state.loans >= 3) reject('TooManyLoans');
      return { type: 'LoanRequested', data };
    },
    RecordBorrowing: (data) => ({ type: 'BookBorrowed', data }),
    CancelLoan: (data) => ({ type: 'LoanCancelled', data }),
    RemindMember: (data) => ({ type: 'ReminderSent', data }),
  },
});

export const CopyLent = defineEvent('CopyLent', z.object({ loan: z.string(), member: z.string() }));
export const CopyReturned = defineEvent('CopyReturned', z.object({ loan: z.string(), member: z.string() }));
export const Book = defineAggregate({
  name: 'Book',
  events: [CopyLent, CopyReturned],
  commands: [defineCommand('LendCopy', z.object({ loan: z.string(), member: z.string() })), defineCommand('ReturnCopy', z.object({ loan: z.string(), member: z.string() }))],
  initialState: { lentTo: '' },
  rejections: { CopyAlreadyLent: 'A lent copy cannot be lent again.' },
}).behavior({
  evolve: { CopyLent: (_s, { member }) => ({ lentTo: member }), CopyReturned: () => ({ lentTo: '' }) },
  decide: {
    LendCopy: (data, state, { reject }) => {
      if (state.lentTo) reject('CopyAlreadyLent');
      return { type: 'CopyLent', data };
    },
    ReturnCopy: (data) => ({ type: 'CopyReturned', data }),
  },
});

const memberOf = (streamId: string) => streamId.slice('Member-'.length);

export const Lending = defineProcess({
  name: 'Lending',
  from: [LoanRequested, CopyLent, CopyReturned],
  startedBy: [LoanRequested],
  correlate: { LoanRequested: (e) => e.data.loan, CopyLent: (e) => e.data.loan, CopyReturned: (e) => e.data.loan },
  state: z.object({ stage: z.enum(['requested', 'lent', 'returned', 'cancelled']), member: z.string(), book: z.string() }),
  initialState: { stage: 'requested', member: '', book: '' },
  deadlines: ['ReturnDue'],
}).behavior({
  react: {
    LoanRequested: (state, { loan, book }, process, event) => {
      const member = memberOf(event.streamId);
      process.send(Book, book, { type: 'LendCopy', data: { loan, member } });
      return { ...state, member, book };
    },
    CopyLent: (state, { loan }, process) => {
      process.send(Member, state.member, { type: 'RecordBorrowing', data: { loan, book: state.book } });
      process.schedule('ReturnDue', { days: 14 });
      return { ...state, stage: 'lent' as const };
    },
    CopyReturned: (state, _data, process) => {
      process.complete();
      return { ...state, stage: 'returned' as const };
    },
  },
  whenDue: {
    ReturnDue: (state, process) => {
      process.send(Member, state.member, { type: 'RemindMember', data: { loan: process.id } });
      process.schedule('ReturnDue', { days: 7 });
    },
  },
  whenRejected: {
    LendCopy: (state, refused, process) => {
      process.send(Member, state.member, { type: 'CancelLoan', data: { loan: process.id, reason: refused.rejection } });
      process.complete();
      return { ...state, stage: 'cancelled' as const };
    },
  },
});

export const ThankReturns = definePolicy({
  name: 'ThankReturns',
  from: [CopyReturned],
  react: {
    CopyReturned: ({ loan, member }, process) => process.send(Member, member, { type: 'RemindMember', data: { loan: `${loan}-thanks` } }),
  },
});

export const library = defineDomain({ name: 'library', aggregates: [Member, Book], processes: [Lending, ThankReturns] });
