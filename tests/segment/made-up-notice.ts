/** A short made-up notice for segmentation tables: title, the lines after it, one section with one problem, sign-off, then what follows it. */
export function madeUpNotice({
  afterTitle = ['各乡镇党委，县直各单位：', '现将整改进展情况通报如下。'],
  signoff = ['中共某某县委巡察办', '2024年5月6日'],
  tail = [] as string[],
} = {}): string {
  return ['关于巡察整改进展情况的通报', ...afterTitle, '一、整改工作开展情况', '问题1.学习不深入。整改情况：已完成。', '', ...signoff, ...tail, ''].join('\n');
}
