// The edit engine: every change scrumdown makes to a plan, as text edits tied to the text's hash.

export type { EditSet, TextEdit } from './types.js';
export { applyEdits, spliceEdits } from './apply.js';
export { setStatus, assertStatus, CHECKBOX_STATUSES } from './status.js';
export { setField, type EditableField } from './field.js';
export { nearestIds, resolveItem } from './suggest.js';
