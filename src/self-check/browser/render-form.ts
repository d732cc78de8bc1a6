/**
 * The question pages and the check-your-answers page, GOV.UK style: one fieldset per question with its
 * legend, hint, error message slot and a 不确定 option; ids follow one scheme so that error summaries,
 * 修改 links and results can point at a question:
 *   q-<field>          the first control (text input, or first radio/checkbox)
 *   q-<field>-hint     the hint          q-<field>-error   the error message
 *   q-<field>-parsed   how the answer was read          q-<field>-unknown   the 不确定 control
 */
import { parseFieldValue } from '../../engine/parse-input.ts';
import type { Field } from '../../schemas/index.ts';
import { describeValue, hintFor, rawAnswer } from '../logic/answers.ts';
import { qid } from '../logic/route.ts';
import { h, type Child } from './dom.ts';
import { UNKNOWN_ANSWER, type Answers } from '../logic/types.ts';

/** The question without its trailing question mark, for lists and links. */
export const shortLabel = (f: Field): string => f.label.replace(/[？?]$/, '');

function textLabel(f: Field): string {
  if (f.type === 'date') return '日期';
  if (f.type !== 'number') return '回答';
  if (f.unit === '万元') return '金额（万元）';
  if (f.unit === '%') return '百分数（%）';
  return `数量（${f.unit}）`;
}

/** “已识别为 3,000 万元” under a text answer that was read from another form (３０００, 1.2亿元). */
export function parsedNote(f: Field, raw: string): string {
  if (raw.trim() === '' || raw === UNKNOWN_ANSWER) return '';
  const r = parseFieldValue(f, raw);
  if (!r.ok || r.value === UNKNOWN_ANSWER) return '';
  const text = describeValue(f, r.value);
  const plain = typeof r.value === 'number' ? String(r.value) : text;
  return raw.replace(/[\s,]/g, '') === plain ? '' : `已识别为 ${text}`;
}

function textQuestion(f: Field, raw: string, describedBy: string[]): Child {
  const id = qid(f.id);
  const unknown = raw === UNKNOWN_ANSWER;
  const suffix = f.type === 'number' ? f.unit : '';
  return [
    h(
      'div',
      { class: 'sc-answer' },
      h('label', { class: 'sc-label', for: id }, textLabel(f)),
      h(
        'div',
        { class: 'sc-input-row' },
        h('input', {
          class: `sc-input${f.type === 'date' ? ' sc-input--date' : ''}`,
          id,
          name: f.id,
          type: 'text',
          autocomplete: 'off',
          spellcheck: 'false',
          value: unknown ? '' : raw,
          'data-field': f.id,
          'data-role': 'text',
          'aria-describedby': [...describedBy, `${id}-parsed`].join(' '),
        }),
        suffix && h('span', { class: 'sc-suffix', 'aria-hidden': 'true' }, suffix),
      ),
      h('p', { class: 'sc-parsed', id: `${id}-parsed` }, unknown ? '' : parsedNote(f, raw)),
    ),
    h('p', { class: 'sc-or' }, '或'),
    h(
      'div',
      { class: 'sc-choice' },
      h('input', { type: 'checkbox', id: `${id}-unknown`, name: `${f.id}-unknown`, value: UNKNOWN_ANSWER, checked: unknown, 'data-field': f.id, 'data-role': 'unknown' }),
      h('label', { for: `${id}-unknown` }, '不确定'),
    ),
  ];
}

/** A long single choice (所属行业: 19 options) as a select, so the page stays short on a phone. */
function selectQuestion(f: Field & { type: 'choice' }, raw: string, describedBy: string[]): Child {
  const id = qid(f.id);
  const parsed = raw === '' || raw === UNKNOWN_ANSWER ? undefined : parseFieldValue(f, raw);
  const value = raw === UNKNOWN_ANSWER ? UNKNOWN_ANSWER : parsed?.ok && typeof parsed.value === 'string' ? parsed.value : '';
  return h(
    'div',
    { class: 'sc-answer' },
    h('label', { class: 'sc-label', for: id }, '请选择'),
    h(
      'select',
      { class: 'sc-select', id, name: f.id, 'data-field': f.id, 'data-role': 'select', 'aria-describedby': describedBy.join(' ') || undefined },
      h('option', { value: '', selected: value === '' }, '请选择…'),
      f.options.map((o) => h('option', { value: o, selected: value === o }, o)),
      h('option', { value: UNKNOWN_ANSWER, selected: value === UNKNOWN_ANSWER }, '不确定'),
    ),
  );
}

function optionsQuestion(f: Field, raw: string): Child {
  const multiple = f.type === 'choice' && f.multiple;
  const options = f.type === 'boolean' ? ['是', '否'] : f.type === 'choice' ? f.options : [];
  // What the stored answer means (it may be “true” or “有” from a shared link): checked options follow it.
  const parsed = raw === '' || raw === UNKNOWN_ANSWER ? undefined : parseFieldValue(f, raw);
  const value = parsed?.ok ? parsed.value : undefined;
  const chosen = (option: string) =>
    value === undefined ? false : typeof value === 'boolean' ? (value ? '是' : '否') === option : Array.isArray(value) ? value.includes(option) : value === option;
  const type = multiple ? 'checkbox' : 'radio';
  const id = qid(f.id);
  return h(
    'div',
    { class: `sc-choices${options.length <= 3 ? ' sc-choices--inline' : ''}` },
    options.map((option, i) => {
      const oid = i === 0 ? id : `${id}-${i + 1}`;
      return h(
        'div',
        { class: 'sc-choice' },
        h('input', { type, id: oid, name: f.id, value: option, checked: chosen(option), 'data-field': f.id, 'data-role': 'option' }),
        h('label', { for: oid }, option),
      );
    }),
    h('p', { class: 'sc-or' }, '或'),
    h(
      'div',
      { class: 'sc-choice' },
      h('input', { type, id: `${id}-unknown`, name: multiple ? `${f.id}-unknown` : f.id, value: UNKNOWN_ANSWER, checked: raw === UNKNOWN_ANSWER, 'data-field': f.id, 'data-role': 'unknown' }),
      h('label', { for: `${id}-unknown` }, '不确定'),
    ),
  );
}

/** One question: fieldset, legend, hint, error slot, controls; filled from the answer kept so far. */
export function questionView(f: Field, answers: Answers): HTMLElement {
  const id = qid(f.id);
  const raw = rawAnswer(answers, f.id);
  const hint = hintFor(f);
  const describedBy = hint ? [`${id}-hint`] : [];
  const text = f.type === 'number' || f.type === 'date';
  return h(
    'div',
    { class: 'sc-q', 'data-question': f.id },
    h(
      'fieldset',
      { class: 'sc-fieldset', 'aria-describedby': describedBy.join(' ') || undefined },
      h('legend', { class: 'sc-legend' }, f.label),
      hint && h('p', { class: 'sc-hint', id: `${id}-hint` }, hint),
      h('p', { class: 'sc-error-message', id: `${id}-error`, hidden: true }),
      text ? textQuestion(f, raw, describedBy) : f.type === 'choice' && !f.multiple && f.options.length > 8 ? selectQuestion(f, raw, describedBy) : optionsQuestion(f, raw),
    ),
  );
}

/**
 * Shows (or, with null, removes) the message next to a question: the text under the legend,
 * aria-invalid on its controls and the message id in their aria-describedby (the fieldset's too).
 */
export function setQuestionError(container: ParentNode, field: string, message: string | null): void {
  const wrap = container.querySelector<HTMLElement>(`[data-question="${CSS.escape(field)}"]`);
  const slot = wrap?.querySelector<HTMLElement>(`#${CSS.escape(qid(field))}-error`);
  if (!wrap || !slot) return;
  const errorId = slot.id;
  wrap.classList.toggle('sc-q--error', message !== null);
  slot.hidden = message === null;
  slot.replaceChildren(...(message === null ? [] : [h('span', { class: 'visually-hidden' }, '错误：'), message]));
  const targets = [...wrap.querySelectorAll<HTMLElement>('input'), ...wrap.querySelectorAll<HTMLElement>('fieldset')];
  for (const el of targets) {
    const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((x) => x && x !== errorId);
    if (message !== null) ids.unshift(errorId);
    if (ids.length > 0) el.setAttribute('aria-describedby', ids.join(' '));
    else el.removeAttribute('aria-describedby');
    if (el.tagName === 'INPUT') {
      if (message !== null) el.setAttribute('aria-invalid', 'true');
      else el.removeAttribute('aria-invalid');
    }
  }
}

/** One question on its own page, with what it is for (“用于判断：…”) under the legend. */
export function singleQuestionView(f: Field, answers: Answers, purpose: string): HTMLElement {
  const view = questionView(f, answers);
  const legend = view.querySelector('legend');
  legend?.classList.add('sc-legend--page');
  legend?.insertAdjacentElement('afterend', h('p', { class: 'sc-purpose' }, purpose));
  return view;
}

/** A tick list answering several questions at once (the situations, the declarations). */
function tickList(name: string, legend: string, hint: string, options: ReadonlyArray<{ value: string; label: string; checked: boolean; note?: string; field?: string }>, extra?: Child): HTMLElement {
  return h(
    'div',
    { class: 'sc-q', 'data-question': name },
    h(
      'fieldset',
      { class: 'sc-fieldset', 'aria-describedby': `${name}-hint` },
      h('legend', { class: 'sc-legend' }, legend),
      h('p', { class: 'sc-hint', id: `${name}-hint` }, hint),
      h(
        'div',
        { class: 'sc-choices' },
        options.map((o, i) =>
          h('div', { class: 'sc-choice' }, h('input', { type: 'checkbox', id: `${name}-${i + 1}`, name, value: o.value, checked: o.checked, 'data-role': name, 'data-field': o.field }), h('label', { for: `${name}-${i + 1}` }, o.label, o.note ? h('span', { class: 'sc-option-note' }, o.note) : null)),
        ),
        extra,
      ),
    ),
  );
}

/** The name of the checklist's controls (`sc-checklist`, `sc-checklist-unsure`, `sc-checklist-unknown`). */
export const CHECKLIST = 'sc-checklist';
/** The name of the screening's declarations list, built the same way. */
export const DECLARATIONS = 'sc-declarations';

/**
 * Yes/no questions as one tick list (ticked is 是, unticked 否), with a “其中有我拿不准的” box that opens
 * a second list on the same page, `<name>-unknown`, where the uncertain ones are ticked (不确定). Every
 * checkbox carries `data-field` of its question. Returns the list, then the (hidden) second one.
 */
function listWithDoubts(name: string, legend: string, hint: string, fields: readonly Field[], answers: Answers): [HTMLElement, HTMLElement] {
  const unsure = fields.some((f) => answers[f.id] === UNKNOWN_ANSWER);
  const list = tickList(
    name,
    legend,
    hint,
    fields.map((f) => ({ value: f.id, label: shortLabel(f), checked: answers[f.id] === '是', field: f.id })),
    h('div', { class: 'sc-choice' }, h('input', { type: 'checkbox', id: `${name}-unsure`, name: `${name}-unsure`, value: 'unsure', checked: unsure, 'aria-controls': `${name}-doubts` }), h('label', { for: `${name}-unsure` }, '其中有我拿不准的')),
  );
  const second = tickList(
    `${name}-unknown`,
    '其中哪些拿不准？',
    '勾选的按“不确定”处理，不作“是”或“否”的判断；之后可在结果页修改。',
    fields.map((f) => ({ value: f.id, label: shortLabel(f), checked: answers[f.id] === UNKNOWN_ANSWER, field: f.id })),
  );
  return [list, h('div', { id: `${name}-doubts`, hidden: !unsure }, second)];
}

/** Several yes/no questions on one page as a checklist, with what they are for under the legend. */
export function checklistView(fields: readonly Field[], answers: Answers, purpose: string): HTMLElement {
  const [list, doubts] = listWithDoubts(CHECKLIST, '以下问题中，回答为“是”的请勾选', '可多选；未勾选的按“否”处理。', fields, answers);
  const legend = list.querySelector('legend');
  legend?.classList.add('sc-legend--page');
  legend?.insertAdjacentElement('afterend', h('p', { class: 'sc-purpose' }, purpose));
  return h('div', {}, list, doubts);
}

export interface ScreeningInput {
  fields: readonly Field[];
  topics: ReadonlyArray<{ label: string; directions: readonly string[] }>;
  declarations: readonly Field[];
  answers: Answers;
  ticked: readonly string[] | null;
}

/** The screening page: where and what industry, which situations apply, which declarations apply. */
export function screeningView(input: ScreeningInput): Child {
  return [
    input.fields.map((f) => questionView(f, input.answers)),
    input.topics.length > 0
      ? tickList(
          'sc-topics',
          '以下哪些情况适用于贵企业？',
          '可多选。只会再问所勾选情况涉及的问题；都不适用可不勾选。',
          input.topics.map((t) => ({ value: t.label, label: t.label, checked: input.ticked?.includes(t.label) ?? false, note: `（${t.directions.length} 个方向）` })),
        )
      : null,
    input.declarations.length > 0 ? listWithDoubts(DECLARATIONS, '以下情形有适用于贵企业的吗？', '勾选适用的；未勾选的按“否”处理。', input.declarations, input.answers) : null,
  ];
}
