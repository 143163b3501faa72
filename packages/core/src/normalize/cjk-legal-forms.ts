/**
 * Forms that Chinese, Japanese and Korean names write without a space ("トヨタ自動車株式会社",
 * "株式会社トヨタ"); `splitCjkLegalForms` cuts them off the words that start or end with them.
 */
const CJK_FORMS = ['股份有限公司', '有限公司', '株式会社', '주식회사'];
const STARTS_WITH_LETTER_OR_DIGIT = /^[\p{L}\p{N}]/u;

export function splitCjkLegalForms(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (const token of tokens) {
    let rest = token;
    for (let head = cjkFormAt(rest, startsWithForm); head; head = cjkFormAt(rest, startsWithForm)) {
      out.push(head);
      rest = rest.slice(head.length);
    }
    const tails: string[] = [];
    for (let tail = cjkFormAt(rest, endsWithForm); tail; tail = cjkFormAt(rest, endsWithForm)) {
      tails.push(tail);
      rest = rest.slice(0, -tail.length);
    }
    out.push(rest, ...tails.reverse());
  }
  return out;
}

/** The form that `token` starts or ends with, unless the token is a form itself. */
function cjkFormAt(token: string, test: (token: string, form: string) => boolean): string | undefined {
  return CJK_FORMS.includes(token) ? undefined : CJK_FORMS.find((form) => test(token, form));
}

function startsWithForm(token: string, form: string): boolean {
  return token.startsWith(form) && STARTS_WITH_LETTER_OR_DIGIT.test(token.slice(form.length));
}

function endsWithForm(token: string, form: string): boolean {
  return token.length > form.length && token.endsWith(form);
}
