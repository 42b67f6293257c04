import type { ClauseModel } from '../../src/pipeline/classify/model-schema.ts';

/**
 * The model file's text: JSON with one clause type per line, so a retrained model's diff shows which types
 * changed. Key order is the model object's, which training fixes (types and weights sorted).
 */
export function serialiseModel(model: ClauseModel): string {
  const { types, ...head } = model;
  const lines = Object.entries(types).map(([id, t]) => `    ${JSON.stringify(id)}: ${JSON.stringify(t)}`);
  const top = JSON.stringify(head, null, 2).replace(/\n}$/, '');
  return `${top},\n  "types": {\n${lines.join(',\n')}\n  }\n}\n`;
}
