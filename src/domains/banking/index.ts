import { defineDomain, phrase } from '../../index';
import { Account } from './account';

export { Account };
export * from './events';
export * from './commands';

export const banking = defineDomain({
  name: 'banking',
  description: 'Accounts with deposits, withdrawals within an overdraft, and closing.',
  aggregates: [Account],
  phrasings: [
    phrase.given(Account, 'AccountOpened', '{owner} opened account {id}'),
    phrase.given(Account, 'MoneyDeposited', '{amount} was deposited into account {id}'),
    phrase.when(Account, 'Deposit', '{actor} deposits {amount} into account {id}'),
    phrase.when(Account, 'Withdraw', '{actor} withdraws {amount} from account {id}'),
    phrase.then(Account, 'MoneyWithdrawn', 'account {id} records a withdrawal of {amount}'),
  ],
});
