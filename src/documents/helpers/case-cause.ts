/**
 * The one normalizer of the 案由 printed in documents. Templates write 「{{case.cause}}一案」 or put
 * the cause in a 案由 row, so the stored cause must be the bare wording, with 涉嫌 in front: the
 * documents refer to the case as filed (「对你单位涉嫌违法处理个人信息一案立案调查」), before any
 * decision finds the violation. A cause stored as 「违法处理个人信息案」 would otherwise print
 * 「违法处理个人信息案一案」 (a documents review).
 */
export function normalizeCaseCause(cause: string): string {
  let bare = cause.trim();
  // 「…一案」, 「…案」 and 「…案件」 at the end: the template supplies 一案.
  bare = bare.replace(/(?:一案|案件|案)$/u, '');
  if (!bare.startsWith('涉嫌')) {
    bare = `涉嫌${bare}`;
  }
  return bare;
}
