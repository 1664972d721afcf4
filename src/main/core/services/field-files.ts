// The route sheet and the coverage figures as Excel files for the renderer to save (base64, like
// the day report's workbook).
import { routeSheetWorkbook, coverageWorkbook, XLSX_MIME } from './field-workbooks';
import type { Caller, CoreContext } from '../core-context';
import { coverage } from './coverage-service';
import { routeSheet } from './route-sheet-service';

type RouteInput = Parameters<typeof routeSheet>[2];
type CoverageInput = Parameters<typeof coverage>[2];

export async function routeSheetExcel(ctx: CoreContext, caller: Caller, input: RouteInput) {
  const sheet = await routeSheet(ctx, caller, input);
  const bytes = await routeSheetWorkbook(sheet);
  return {
    fileName: `lo-trinh-${sheet.office.code}-${input.communeCode}-${sheet.date}.xlsx`,
    mimeType: XLSX_MIME,
    base64: Buffer.from(bytes).toString('base64'),
    rows: sheet.people,
  };
}

export async function coverageExcel(ctx: CoreContext, caller: Caller, input: CoverageInput) {
  const figures = await coverage(ctx, caller, input);
  const bytes = await coverageWorkbook(figures);
  return { fileName: `do-bao-phu-${figures.asOf}.xlsx`, mimeType: XLSX_MIME, base64: Buffer.from(bytes).toString('base64'), rows: figures.communes.length };
}
