/**
 * What the generated editor file (`eventspec steps`) calls. The Cucumber editor extension reads
 * those literal `Given(…)` calls to find, complete and link steps; at run time they do nothing,
 * because installSteps registers the same steps. So loading the file twice is harmless.
 */
export const editorSteps = {
  Given(_expression: string): void {},
  When(_expression: string): void {},
  Then(_expression: string): void {},
  defineParameterType(_type: { name: string; regexp: RegExp }): void {},
};
