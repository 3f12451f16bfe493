import { toPersianDigits } from '../../lib/fa/digits.ts'

/** Persian text of the transaction feed (API problem details). */
export const txMsg = {
  invalid: 'تراکنش فرستاده‌شده پذیرفته نشد.',
  serviceNotFound: 'خدمتی با این شناسه نیست.',
  serviceNotPublished: 'این خدمت منتشرشده نیست؛ تراکنش آن را نمی‌توان ثبت کرد.',
  forbidden: 'تراکنش فقط برای خدمات دستگاه خودتان پذیرفته می‌شود.',
  otherService: 'این کد رهگیری پیش‌تر برای خدمت دیگری ثبت شده است.',
  inFuture: 'زمان‌ها نمی‌توانند در آینده باشند.',
  completedBeforeStart: 'زمان پایان تراکنش پیش از زمان شروع آن است.',
  outcomeWithoutEnd: 'نتیجه و زمان پایان باید با هم فرستاده شوند.',
  unknownStep: (id: string) => `مرحلهٔ «${id}» در فرایند منتشرشدهٔ این خدمت نیست.`,
  duplicateStep: (id: string) => `مرحلهٔ «${id}» دو بار فرستاده شده است.`,
  neverStarted: 'مرحله‌ای که شروع نشده نمی‌تواند پایان یابد: زمان شروع آن را بفرستید.',
  stepStartMissing: 'زمان شروع مرحله لازم است.',
  stepBeforeTransaction: 'مرحله پیش از شروع تراکنش شروع شده است.',
  stepFinishedBeforeStart: 'زمان پایان مرحله پیش از زمان شروع آن است.',
  stepAfterCompletion: 'رویداد این مرحله پس از پایان تراکنش است.',
  outOfOrder: (later: string, earlier: string) =>
    `رویدادها به ترتیب فرایند نیستند: مرحلهٔ «${later}» پیش از مرحلهٔ «${earlier}» که در فرایند پیش از آن است شروع شده است.`,
  stepsCount: (n: number) => `${toPersianDigits(n)} مرحله`,
} as const
