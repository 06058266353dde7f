import { SPOILER_LEVELS, type SpoilerLevel } from './model.ts'

export function spoilerRank(level: SpoilerLevel): number {
  return SPOILER_LEVELS.indexOf(level)
}

export function maxSpoiler(levels: Iterable<SpoilerLevel>): SpoilerLevel {
  let max: SpoilerLevel = 'none'
  for (const level of levels) if (spoilerRank(level) > spoilerRank(max)) max = level
  return max
}

/** Whether content at `level` may be shown to a reader who asked to see up to `revealed`. */
export function isRevealed(level: SpoilerLevel, revealed: SpoilerLevel): boolean {
  return spoilerRank(level) <= spoilerRank(revealed)
}

export function parseSpoilerLevel(value: string | undefined): SpoilerLevel {
  return (SPOILER_LEVELS as readonly string[]).includes(value ?? '') ? (value as SpoilerLevel) : 'none'
}
