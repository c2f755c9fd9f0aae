import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { globSync } from 'glob';
import { ExpressionBuilder, jsSearchIndex, buildSuggestions, getGherkinCompletionItems, getGherkinDiagnostics } from '@cucumber/language-service';
import { WasmParserAdapter } from '@cucumber/language-service/wasm';
import { initProject } from '../../src/cli';
import { domain } from '../../src/domains';
import { EDITOR_STEPS_FILE, editorStepsSource, staleEditorFile } from '../../src/gherkin/editorStepsFile';
import { captureIO } from '../cli/cliHarness';

const repo = join(__dirname, '..', '..');
const temp = mkdtempSync(join(tmpdir(), 'eventspec-editor-'));
after(() => rmSync(temp, { recursive: true, force: true }));

/** What the Cucumber VS Code extension does: read the glue's source with tree-sitter, build expressions. */
async function languageService(root: string, glue: readonly string[]) {
  const adapter = new WasmParserAdapter(join(dirname(require.resolve('@cucumber/language-service')), '..', '..'));
  await adapter.init();
  const sources = globSync([...glue], { cwd: root }).map((file) => ({ languageName: 'tsx' as const, uri: file, content: readFileSync(join(root, file), 'utf8') }));
  const built = new ExpressionBuilder(adapter).build(sources, []);
  const expressions = built.expressionLinks.map((link) => link.expression);
  const features = globSync('features/**/*.feature', { cwd: root }).map((file) => ({ file, text: readFileSync(join(root, file), 'utf8') }));
  const undefinedSteps = features.flatMap(({ file, text }) =>
    getGherkinDiagnostics(text, expressions)
      .filter((d) => d.code === 'cucumber.undefined-step')
      .map((d) => `${file}:${d.range.start.line + 1}`),
  );
  const stepTexts = features.flatMap(({ text }) => [...text.matchAll(/^\s*(?:Given|When|Then|And|But) (.+)$/gm)].map((m) => m[1]!));
  const index = jsSearchIndex(buildSuggestions(built.registry, stepTexts, expressions));
  /** The completions the editor offers for a step being typed, as the text they insert. */
  const complete = (line: string) => {
    const source = `Feature: f\n  Scenario: s\n    ${line}`;
    return getGherkinCompletionItems(source, { line: 2, character: 4 + line.length }, index).map((item) => (item.textEdit as { newText: string }).newText);
  };
  return { errors: built.errors.map(String), definitions: expressions.length, stepCount: stepTexts.length, undefinedSteps, complete };
}

describe('editor support: the Cucumber language service finds every step', () => {
  it('over the example features: none undefined, and every one without the editor file (the control)', async () => {
    const withFile = await languageService(repo, ['step-definitions/**/*.ts', 'src/**/*.ts']);
    assert.deepEqual(withFile.errors, []);
    assert.deepEqual(withFile.undefinedSteps, []);
    assert.ok(withFile.stepCount > 200, `only ${withFile.stepCount} steps read`);
    const without = await languageService(repo, ['step-definitions/eventspec.steps.ts', 'src/**/*.ts']);
    assert.equal(without.undefinedSteps.length, withFile.stepCount);
  });

  it('completes with the domain\'s own names', async () => {
    const { complete } = await languageService(repo, ['step-definitions/**/*.ts']);
    const sent = complete('When is sent').find((text) => text.includes('is sent ${'));
    assert.ok(sent, 'no completion for "is sent"');
    for (const name of ['Order', 'PlaceOrder', 'ConfirmOrder']) assert.ok(sent.includes(name), `"${sent}" lacks ${name}`);
    const recorded = complete('Then records').find((text) => text.includes(' records ${') && !text.endsWith(':'));
    assert.ok(recorded?.includes('MoneyDeposited'), `"${recorded}" lacks MoneyDeposited`);
  });

  it('keeps the committed editor file the one `eventspec steps` writes', () => {
    const committed = readFileSync(join(repo, EDITOR_STEPS_FILE), 'utf8');
    assert.equal(committed, editorStepsSource(domain, { root: repo, eventspecModule: '../src' }));
    assert.equal(staleEditorFile(domain, repo), undefined);
  });

  describe('in a project `eventspec init` wrote', () => {
    const dir = join(temp, 'help-desk');
    before(() => initProject(dir, { aggregate: 'Ticket' }, captureIO(temp).io));

    it('finds every step of its feature, through the glue its .vscode settings name', async () => {
      const settings = JSON.parse(readFileSync(join(dir, '.vscode', 'settings.json'), 'utf8')) as { 'cucumber.glue': string[] };
      const service = await languageService(dir, settings['cucumber.glue']);
      assert.deepEqual(service.errors, []);
      assert.ok(service.stepCount >= 10, `only ${service.stepCount} steps read`);
      assert.deepEqual(service.undefinedSteps, []);
      const sent = service.complete('When is sent').find((text) => text.includes('is sent ${'));
      assert.ok(sent?.includes('CloseTicket'), `"${sent}" lacks CloseTicket`);
    });

    it('names the steps in its editor file as the scaffolded domain declares them', () => {
      const text = readFileSync(join(dir, EDITOR_STEPS_FILE), 'utf8');
      for (const [type, names] of Object.entries({ Aggregate: 'Ticket', Command: 'CloseTicket|OpenTicket', Event: 'TicketClosed|TicketOpened', Rejection: 'TicketAlreadyOpened|TicketNotOpen' })) {
        assert.ok(text.includes(`defineParameterType({ name: '${type}', regexp: /${names}/ });`), `${relative(temp, dir)}/${EDITOR_STEPS_FILE} lacks ${type} /${names}/`);
      }
    });
  });
});
