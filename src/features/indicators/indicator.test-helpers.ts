import type { IndicatorDefinition } from './indicator.model.ts'

/** A complete, valid specific indicator definition; override what a test is about. */
export function definition(over: Partial<IndicatorDefinition> = {}): IndicatorDefinition {
  return {
    nameFa: 'درصد پروانه‌های صادرشده در مهلت',
    definition: 'سهم پروانه‌هایی که در مهلت اعلام‌شده در شناسنامهٔ خدمت صادر شده‌اند.',
    rationale: 'به‌هنگامی صدور پروانه مهم‌ترین شکایت مراجعان است.',
    category: 'time',
    unit: 'percent',
    direction: 'higher',
    numeratorFa: 'پروانه‌های صادرشده در مهلت',
    denominatorFa: 'همهٔ پروانه‌های صادرشده',
    frequency: 'quarterly',
    source: 'manual',
    maxAgeDays: 120,
    limitations: '',
    scopeServiceIds: [],
    targets: [{ year: 1405, baseline: 60, target: 80 }],
    ...over,
  }
}
