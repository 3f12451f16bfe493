import { ValidationError } from '../../lib/errors.ts'
import type { ContentChange, ServiceChannel, StageMatrix } from '../services/index.ts'
import { problemErrors } from './channel.input.ts'
import { CHANNELS_MAX, matrixProblems, stagesUsing, withoutChannel } from './channel.rules.ts'
import { channelsMsg as m, STAGE_LABELS } from './messages.fa.ts'

/**
 * The channels editor's changes to a draft, each a pure function of the draft it is applied
 * to (so it can be applied again to a newer draft after a conflict). A change that would leave
 * the stage matrix naming a missing channel, or an electronic stage without an electronic
 * channel, throws a ValidationError (422) instead of saving.
 */

function checkedMatrix(channels: ServiceChannel[], stages: StageMatrix): StageMatrix {
  const problems = matrixProblems(channels, stages)
  if (problems.length) {
    const errors = problemErrors(problems)
    throw new ValidationError(Object.values(errors)[0] ?? m.modeInvalid, errors)
  }
  return stages
}

export function addChannel(ch: ServiceChannel): ContentChange {
  return (c) => {
    if (c.channels.length >= CHANNELS_MAX)
      throw new ValidationError(m.channelsFull, { _form: m.channelsFull })
    return { ...c, channels: [...c.channels, ch] }
  }
}

/** Replaces a channel, keeping its id (and so its place in the stage matrix). */
export function replaceChannel(id: string, ch: ServiceChannel): ContentChange {
  return (c) => {
    if (!c.channels.some((x) => x.id === id))
      throw new ValidationError(m.channelNotFound, { _form: m.channelNotFound })
    const channels = c.channels.map((x) => (x.id === id ? { ...ch, id } : x))
    return { ...c, channels, stages: checkedMatrix(channels, c.stages) }
  }
}

/** Removes a channel and its mentions in the stage matrix, unless a stage then lacks a channel. */
export function removeChannel(id: string): ContentChange {
  return (c) => {
    if (!c.channels.some((x) => x.id === id)) return c
    const channels = c.channels.filter((x) => x.id !== id)
    const stages = withoutChannel(c.stages, id)
    if (matrixProblems(channels, stages).length) {
      const text = m.channelInUse(
        stagesUsing(c.stages, id)
          .map((s) => STAGE_LABELS[s])
          .join('، '),
      )
      throw new ValidationError(text, { _form: text })
    }
    return { ...c, channels, stages }
  }
}

export function setStages(stages: StageMatrix): ContentChange {
  return (c) => ({ ...c, stages: checkedMatrix(c.channels, stages) })
}

/** Replaces channels and matrix together (the API), checking them against each other. */
export function setChannelsAndStages(
  channels: ServiceChannel[],
  stages: StageMatrix,
): ContentChange {
  return (c) => ({ ...c, channels, stages: checkedMatrix(channels, stages) })
}
