/**
 * A direction's support methods: the one its formula is for, then any the text lets the applicant choose
 * instead (“填写贴息或补助”). Pages list and filter by all of them, so 贴息 is found where the text offers it.
 */
export function supportMethods<M extends string>(support: { method: M; alsoMethods?: readonly M[] | undefined }): M[] {
  return [support.method, ...(support.alsoMethods ?? []).filter((m) => m !== support.method)];
}
