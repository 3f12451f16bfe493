/**
 * Sample processes for the BPMN and Mermaid exports (tests and the bench share them): a linear
 * process, one with a labelled decision, and one with a "return for correction" edge and a
 * variant step that uses every field of a step.
 */

import type { ServiceProcess } from '../../services/index.ts'
import {
  back,
  decision,
  edge,
  hours,
  minutes,
  processOf,
  task,
  wd,
} from '../process.test-helpers.ts'

/** The service the samples belong to (for the export's ids and target namespace). */
export const SAMPLE_SERVICE = {
  serviceId: '6f1c2a4e-8b3d-4c5e-9f60-718293a4b5c6',
  title: 'صدور گواهی عدم سوء پیشینه',
}

export function linearSample(): ServiceProcess {
  return processOf(
    [
      task('s1', 'ثبت درخواست در سامانه', minutes(15), {
        actor: 'citizen',
        channel: 'online',
        documents: ['تصویر کارت ملی'],
      }),
      task('s2', 'بررسی درخواست توسط کارشناس', wd(2, 3), { unit: 'واحد پذیرش' }),
      task('s3', 'صدور و ارسال گواهی', hours(1), { actor: 'system', channel: 'online' }),
    ],
    [edge('s1', 's2'), edge('s2', 's3')],
  )
}

export function decisionSample(): ServiceProcess {
  return processOf(
    [
      task('s1', 'ثبت درخواست', minutes(20), { actor: 'citizen', channel: 'counter_office' }),
      task('s2', 'بررسی مدارک', wd(1, 2), { unit: 'واحد بررسی' }),
      decision('s3', 'مدارک کامل است؟'),
      task('s4', 'صدور گواهی', wd(2, 3)),
      task('s5', 'اعلام نقص مدارک با پیامک', minutes(5), { actor: 'system' }),
    ],
    [
      edge('s1', 's2'),
      edge('s2', 's3'),
      edge('s3', 's4', 'بله'),
      edge('s3', 's5', 'خیر، مدارک ناقص است'),
    ],
  )
}

export function correctionSample(): ServiceProcess {
  return processOf(
    [
      task('s1', 'ثبت درخواست و بارگذاری مدارک', minutes(30), {
        actor: 'citizen',
        channel: 'online',
        documents: ['تصویر شناسنامه', 'تصویر کارت ملی'],
      }),
      task('s2', 'بررسی مدارک', wd(1, 2), { unit: 'واحد پذیرش «مرکزی»', channel: 'internal' }),
      decision('s3', 'مدارک کامل است؟'),
      task(
        's4',
        'استعلام از پلیس اتباع',
        { min: 5, max: 7, unit: 'calendar_day' },
        {
          actor: 'other_agency',
          variantId: 'foreign',
          legalBasis: { lawId: '0d5b3c2a-1e4f-4a6b-8c7d-9e0f1a2b3c4d', article: 'مادهٔ ۱۲' },
        },
      ),
      task('s5', 'اعلام نقص به متقاضی', minutes(10), { actor: 'system' }),
      task('s6', 'حضور متقاضی و دریافت کارت', hours(1), {
        actor: 'citizen',
        channel: 'in_person',
        requiresAttendance: true,
        fees: ['هزینهٔ صدور کارت: ۵۰۰٬۰۰۰ ریال'],
        description: 'اصل مدارک همراه باشد.\nنوبت را از سامانه بگیرید & به موقع بیایید <مهم>.',
      }),
    ],
    [
      edge('s1', 's2'),
      edge('s2', 's3'),
      edge('s3', 's4', 'بله'),
      edge('s3', 's5', 'خیر'),
      edge('s4', 's6'),
      back('s5', 's1'),
    ],
    [{ id: 'foreign', label: 'اتباع خارجی' }],
  )
}

export const SAMPLES = [
  ['linear', linearSample],
  ['decision with labels', decisionSample],
  ['return edge and variant', correctionSample],
] as const
