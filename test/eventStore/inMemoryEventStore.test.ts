import { inMemoryEventStore } from '../../src';
import { eventStoreContract } from './storeContract';

eventStoreContract('in-memory', { create: async ({ clock }) => inMemoryEventStore({ clock }) });
