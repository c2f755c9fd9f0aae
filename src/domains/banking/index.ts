import { defineDomain, phrase } from '../../index';
import { Account } from './account';
import { MoneyTransfer, Transfer } from './transfer';

import { accountBalances, accountStatements } from './accountReadModels';

export { Account, Transfer, MoneyTransfer };
export * from './events';
export * from './commands';
export * from './accountReadModels';

export const banking = defineDomain({
  name: 'banking',
  description: 'Accounts with deposits, withdrawals within an overdraft, closing, and transfers between accounts.',
  aggregates: [Account, Transfer],
  projections: [accountBalances, accountStatements],
  processes: [MoneyTransfer],
  phrasings: [
    phrase.given(Account, 'AccountOpened', '{owner} opened account {id}'),
    phrase.given(Account, 'MoneyDeposited', '{amount} was deposited into account {id}'),
    phrase.when(Account, 'Deposit', '{actor} deposits {amount} into account {id}'),
    phrase.when(Account, 'Withdraw', '{actor} withdraws {amount} from account {id}'),
    phrase.then(Account, 'MoneyWithdrawn', 'account {id} records a withdrawal of {amount}'),
  ],
});
