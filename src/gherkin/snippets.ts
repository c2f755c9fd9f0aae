// What cucumber's `snippetSyntax` option loads (`eventspec/snippets`): it imports the module and
// wants the class itself as the module, so this file exports nothing else.
import EventspecSnippetSyntax from './snippetSyntax';

export = EventspecSnippetSyntax;
