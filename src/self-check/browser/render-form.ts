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
import { describeValue, hintFor, rawAnswer, summariseAnswer } from './answers.ts';
import { h, type Child } from './dom.ts';
import type { QuestionPage } from './questions.ts';
import { STEP_LABEL, UNKNOWN_ANSWER, type Answers, type StepId } from './types.ts';

export const qid = (field: string): string => `q-${field}`;

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
      text ? textQuestion(f, raw, describedBy) : optionsQuestion(f, raw),
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

/** A page of questions. */
export function questionPageView(page: QuestionPage, answers: Answers): Child {
  return [
    page.parts > 1 ? h('p', { class: 'sc-caption' }, `第 ${page.part} 部分，共 ${page.parts} 部分`) : null,
    page.fields.map((f) => questionView(f, answers)),
  ];
}

/** Heading of a question page. */
export const pageTitle = (page: QuestionPage): string => STEP_LABEL[page.step];

/** The check-your-answers list: every question in scope with its answer and a 修改 link to it. */
export function checkPageView(scopeText: string, pages: readonly QuestionPage[], answers: Answers): Child {
  const byStep = new Map<StepId, Field[]>();
  for (const p of pages) byStep.set(p.step, [...(byStep.get(p.step) ?? []), ...p.fields]);
  let problems = 0;
  const groups = [...byStep].map(([step, fields]) =>
    h(
      'div',
      { class: 'sc-check-group' },
      h('h3', {}, STEP_LABEL[step]),
      h(
        'dl',
        { class: 'sc-summary' },
        fields.map((f) => {
          const s = summariseAnswer(f, answers);
          if (s.state === 'error') problems++;
          return h(
            'div',
            { class: `sc-summary__row sc-summary__row--${s.state}` },
            h('dt', { class: 'sc-summary__key' }, shortLabel(f)),
            h('dd', { class: 'sc-summary__value' }, s.state === 'error' ? h('strong', { class: 'sc-error-text' }, s.text) : s.text, s.state === 'ok' && s.typed ? h('span', { class: 'sc-typed' }, `（您填写：${s.typed}）`) : null),
            h('dd', { class: 'sc-summary__action' }, h('a', { href: `#${qid(f.id)}`, 'data-change': f.id }, '修改', h('span', { class: 'visually-hidden' }, `：${shortLabel(f)}`))),
          );
        }),
      ),
    ),
  );
  return [
    h(
      'dl',
      { class: 'sc-summary' },
      h(
        'div',
        { class: 'sc-summary__row' },
        h('dt', { class: 'sc-summary__key' }, '自查范围'),
        h('dd', { class: 'sc-summary__value' }, scopeText),
        h('dd', { class: 'sc-summary__action' }, h('a', { href: '#scope', 'data-change': '' }, '修改', h('span', { class: 'visually-hidden' }, '：自查范围'))),
      ),
    ),
    pages.length === 0 ? h('p', {}, '所选范围内的方向不需要回答问题（例如指导性文件）。') : null,
    problems > 0 ? h('p', { class: 'sc-warning-text' }, `有 ${problems} 项回答无法识别，结果中按“不确定”处理。请点“修改”更正。`) : null,
    groups,
    h('p', { class: 'sc-hint' }, '未回答的问题按“不确定”处理：相关方向会列为“需补充信息”，并指出还需回答哪些问题。'),
  ];
}
