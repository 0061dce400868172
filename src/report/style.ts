/** The report's stylesheet, inlined so the file works offline. System fonts only. */
export const REPORT_CSS = `
:root { color-scheme: light; }
body { font-family: Helvetica, Arial, sans-serif; color: #222; background: #fff; margin: 0; line-height: 1.5; }
main { max-width: 1120px; margin: 0 auto; padding: 24px 32px 64px; }
h1 { font-size: 1.8rem; margin: 0 0 4px; }
h2 { font-size: 1.3rem; margin: 40px 0 8px; padding-top: 8px; border-top: 2px solid #2f6690; }
h3 { font-size: 1.05rem; margin: 24px 0 6px; }
p.lead { color: #555; margin-top: 0; }
nav ol { columns: 2; padding-left: 1.2em; }
figure { margin: 12px 0; }
figcaption { color: #555; font-size: 0.9rem; }
svg { max-width: 100%; height: auto; }
.networks { display: flex; flex-wrap: wrap; gap: 8px 24px; }
.networks figure { margin: 0; display: flex; flex-direction: column-reverse; align-items: center; }
.networks figcaption { font-weight: bold; color: #222; }
table { border-collapse: collapse; margin: 8px 0 16px; font-size: 0.92rem; }
caption { text-align: left; font-weight: bold; padding-bottom: 4px; }
th, td { border-bottom: 1px solid #ddd; padding: 3px 10px 3px 0; text-align: left; vertical-align: top; }
th { border-bottom: 2px solid #999; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.missing { color: #8a5a00; background: #fff6e0; padding: 6px 10px; border-left: 3px solid #e0a800; }
code { font-size: 0.9em; background: #f3f3f3; padding: 0 3px; }
`;
