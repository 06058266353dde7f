import type { Answer } from '../../services/index.ts'
import { useUi } from '../i18n/ui.ts'
import { Citations, factSources, FactValue, Rich, Spoiler, type CharacterNames, type Cite } from './facts.tsx'

function hours(minutes: number): string {
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`
}

function AnswerBody(props: { answer: Answer; cite: Cite; characters: CharacterNames }) {
  const ui = useUi()
  const { t } = ui
  const { answer, cite } = props
  switch (answer.question) {
    case 'true-story': {
      const { fact } = answer
      const verdict =
        fact.conflicts.length > 0
          ? t('answer.true-story.disputed')
          : fact.value === true
            ? t('answer.true-story.yes')
            : t('answer.true-story.no')
      return (
        <>
          <p>
            <strong>{verdict}</strong> <FactValue fact={fact} cite={cite} />
          </p>
          {answer.inspiredBy.map((f) => (
            <p>
              {t('answer.true-story.inspired', { what: String(f.value) })}{' '}
              <Citations ids={factSources(f)} cite={cite} />
            </p>
          ))}
        </>
      )
    }
    case 'remake':
      return answer.relation === 'original' || !answer.of ? (
        <p>
          {t('answer.remake.original', { count: answer.otherVersions })}{' '}
          <Citations ids={[answer.sourceId]} cite={cite} />
        </p>
      ) : (
        <p>
          <Rich
            text={t('answer.remake.yes', { relation: t(`relation.${answer.relation}`) })}
            parts={{ film: <a href={`/films/${answer.of.slug}`}>{answer.of.title}</a> }}
          />{' '}
          <Citations ids={[answer.sourceId]} cite={cite} />
        </p>
      )
    case 'watch': {
      const region = answer.region ? ui.country(answer.region) : t('prefs.worldwide')
      const list = (facts: typeof answer.here) =>
        facts.map((f, i) => (
          <>
            {i > 0 && ', '}
            {String(f.value)}
            {f.qualifiers.region &&
              f.qualifiers.region !== answer.region &&
              ` (${ui.country(f.qualifiers.region)})`}
            {f.qualifiers.as_of && (
              <span class="muted"> {t('fact.as-of', { date: ui.date(f.qualifiers.as_of) })}</span>
            )}{' '}
            <Citations ids={factSources(f)} cite={cite} />
          </>
        ))
      return (
        <>
          <p>
            {answer.here.length > 0 ? (
              <Rich text={t('answer.watch.region', { region })} parts={{ platforms: list(answer.here) }} />
            ) : (
              t('answer.watch.none', { region })
            )}
          </p>
          {answer.elsewhere.length > 0 && (
            <p>
              <Rich text={t('answer.watch.elsewhere')} parts={{ platforms: list(answer.elsewhere) }} />
            </p>
          )}
        </>
      )
    }
    case 'english': {
      const list = (facts: typeof answer.audio) =>
        facts.map((f, i) => (
          <>
            {i > 0 && ', '}
            {ui.languageName(String(f.value))}
            {f.qualifiers.platform && ` (${f.qualifiers.platform})`}{' '}
            <Citations ids={factSources(f)} cite={cite} />
          </>
        ))
      return (
        <>
          {answer.audio.length > 0 && (
            <p>
              <Rich text={t('answer.english.audio')} parts={{ languages: list(answer.audio) }} />
            </p>
          )}
          {answer.subtitles.length > 0 && (
            <p>
              <Rich text={t('answer.english.subtitles')} parts={{ languages: list(answer.subtitles) }} />
            </p>
          )}
        </>
      )
    }
    case 'runtime': {
      const minutes = typeof answer.fact.value === 'number' ? answer.fact.value : 0
      return (
        <p>
          {t('answer.runtime.value', { minutes, hours: hours(minutes) })}{' '}
          <Citations ids={factSources(answer.fact)} cite={cite} />
          {answer.fact.conflicts.length > 0 && (
            <FactValue fact={{ ...answer.fact, claims: [] }} cite={cite} />
          )}
        </p>
      )
    }
    case 'cast':
      return (
        <ul>
          {answer.credits.map((c) => (
            <li>
              <a href={`/people/${c.person.slug}`}>{c.person.name}</a>{' '}
              {t('credit.as', { name: c.characterName ?? '' })}
              {c.character && <span class="muted"> ({c.character.name})</span>}{' '}
              <Citations ids={[c.sourceId]} cite={cite} />
            </li>
          ))}
        </ul>
      )
    case 'ending':
      return answer.facts.length === 0 ? (
        <p>{t('answer.ending.none')}</p>
      ) : (
        <Spoiler level="ending" label={t('spoiler.reveal-the', { what: t('spoiler.level.ending') })}>
          {answer.facts.map((f) => (
            <p>
              {f.property === 'character_fate' && f.qualifiers.character && (
                <strong>{props.characters.get(f.qualifiers.character) ?? f.qualifiers.character}: </strong>
              )}
              <FactValue fact={f} cite={cite} />
            </p>
          ))}
        </Spoiler>
      )
  }
}

const QUESTION_KEYS = {
  'true-story': 'answer.true-story.q',
  remake: 'answer.remake.q',
  watch: 'answer.watch.q',
  english: 'answer.english.q',
  runtime: 'answer.runtime.q',
  cast: 'answer.cast.q',
  ending: 'answer.ending.q',
} as const

export function Answers(props: { answers: readonly Answer[]; cite: Cite; characters: CharacterNames }) {
  const { t } = useUi()
  return (
    <dl class="answers">
      {props.answers.map((answer) => (
        <>
          <dt id={`q-${answer.question}`}>{t(QUESTION_KEYS[answer.question])}</dt>
          <dd>
            <AnswerBody answer={answer} cite={props.cite} characters={props.characters} />
          </dd>
        </>
      ))}
    </dl>
  )
}
