/** What a name in a domain (a command, an event, a projection, a read model) may be: it becomes an identifier in code, JSON Schema and URLs. */
export const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** The rule NAME checks, in words, for the message that refuses a name. */
export const NAME_RULE = 'must start with an ASCII letter (A–Z, a–z) and contain only ASCII letters, digits and _ (no accents or spaces: names become identifiers in code, JSON Schema and URLs)';
