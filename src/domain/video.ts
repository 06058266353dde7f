import { AppError } from './errors.ts'

// Fans' videos: an upload (MP4 or WebM, recognized by its first bytes) or a link to a known host,
// kept as a canonical id such as `youtube:dQw4w9WgXcQ`. The server never fetches a linked video.

export const VIDEO_HOSTS = ['youtube', 'vimeo', 'dailymotion'] as const
export type VideoHost = (typeof VIDEO_HOSTS)[number]

export const VIDEO_TYPES = ['video/mp4', 'video/webm'] as const
export type VideoType = (typeof VIDEO_TYPES)[number]

/** A canonical reference to a video on a known host: `youtube:<11 chars>`, `vimeo:<digits>`, `dailymotion:<id>`. */
export interface VideoLink {
  host: VideoHost
  id: string
  /** `host:id`, as stored. */
  key: string
}

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/
const VIMEO_ID = /^\d{1,12}$/
const DAILYMOTION_ID = /^x[a-z0-9]{4,12}$/i

function link(host: VideoHost, id: string): VideoLink {
  return { host, id, key: `${host}:${id}` }
}

function youtubeId(url: URL, host: string): string | undefined {
  if (host === 'youtu.be') return url.pathname.split('/')[1]
  if (!['youtube.com', 'm.youtube.com', 'music.youtube.com', 'youtube-nocookie.com'].includes(host))
    return undefined
  if (url.pathname === '/watch') return url.searchParams.get('v') ?? undefined
  const [, kind, id] = url.pathname.split('/')
  return kind && ['embed', 'shorts', 'live', 'v'].includes(kind) ? id : undefined
}

function vimeoId(url: URL, host: string): string | undefined {
  const parts = url.pathname.split('/').filter(Boolean)
  if (host === 'player.vimeo.com') return parts[0] === 'video' ? parts[1] : undefined
  if (host !== 'vimeo.com') return undefined
  // vimeo.com/76979871, vimeo.com/channels/staffpicks/76979871, vimeo.com/groups/x/videos/76979871
  return parts.find((part) => VIMEO_ID.test(part))
}

function dailymotionId(url: URL, host: string): string | undefined {
  const parts = url.pathname.split('/').filter(Boolean)
  if (host === 'dai.ly') return parts[0]
  if (host !== 'dailymotion.com') return undefined
  const at = parts.indexOf('video')
  // Dailymotion appends the title to the id: /video/x7tgad0_a-title.
  return at === -1 ? undefined : parts[at + 1]?.split('_')[0]
}

/** Parses a video page address from YouTube, Vimeo or Dailymotion into its canonical link. */
export function parseVideoLink(text: string): VideoLink {
  let url: URL
  try {
    url = new URL(text.trim())
  } catch {
    throw new AppError('Invalid', `videoUrl: "${text}" is not a web address.`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new AppError('Invalid', 'videoUrl: only http and https addresses are accepted.')
  const host = url.hostname.toLowerCase().replace(/^www\./, '')
  const youtube = youtubeId(url, host)
  if (youtube !== undefined && YOUTUBE_ID.test(youtube)) return link('youtube', youtube)
  const vimeo = vimeoId(url, host)
  if (vimeo !== undefined && VIMEO_ID.test(vimeo)) return link('vimeo', vimeo)
  const dailymotion = dailymotionId(url, host)
  if (dailymotion !== undefined && DAILYMOTION_ID.test(dailymotion)) return link('dailymotion', dailymotion)
  throw new AppError('Invalid', `videoUrl: "${text}" is not a YouTube, Vimeo or Dailymotion video address.`)
}

/** Reads a stored `host:id` key back; undefined when it is not one. */
export function parseVideoKey(key: string): VideoLink | undefined {
  const [host, id, extra] = key.split(':')
  if (extra !== undefined || !host || !id) return undefined
  if (host === 'youtube' && YOUTUBE_ID.test(id)) return link(host, id)
  if (host === 'vimeo' && VIMEO_ID.test(id)) return link(host, id)
  if (host === 'dailymotion' && DAILYMOTION_ID.test(id)) return link(host, id)
  return undefined
}

/** Where a reader watches the video, and the address of its player for an `<iframe>`. */
export function videoLinkUrls(video: VideoLink): { url: string; embedUrl: string } {
  switch (video.host) {
    case 'youtube':
      return {
        url: `https://www.youtube.com/watch?v=${video.id}`,
        embedUrl: `https://www.youtube-nocookie.com/embed/${video.id}`,
      }
    case 'vimeo':
      return { url: `https://vimeo.com/${video.id}`, embedUrl: `https://player.vimeo.com/video/${video.id}` }
    case 'dailymotion':
      return {
        url: `https://www.dailymotion.com/video/${video.id}`,
        embedUrl: `https://www.dailymotion.com/embed/video/${video.id}`,
      }
  }
}

// ISO base media (MP4) brands of video files; QuickTime (`qt  `), HEIF images and audio-only M4A are not.
const MP4_BRANDS = new Set([
  'isom',
  'iso2',
  'iso4',
  'iso5',
  'iso6',
  'mp41',
  'mp42',
  'avc1',
  'M4V ',
  'dash',
  'mmp4',
  'MSNV',
])

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, end))
}

/**
 * The type of an uploaded video from its first bytes: an MP4 `ftyp` box with a video brand
 * (ISO/IEC 14496-12 §4.3), or an EBML header whose DocType is `webm` (RFC 8794, Matroska/WebM).
 */
export function sniffVideoType(bytes: Uint8Array): VideoType | undefined {
  if (bytes.length >= 12 && ascii(bytes, 4, 8) === 'ftyp') {
    const size = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0
    if (size < 16 || size % 4 !== 0) return undefined
    if (MP4_BRANDS.has(ascii(bytes, 8, 12))) return 'video/mp4'
    for (let at = 16; at + 4 <= Math.min(size, bytes.length); at += 4)
      if (MP4_BRANDS.has(ascii(bytes, at, at + 4))) return 'video/mp4'
    return undefined
  }
  if (bytes.length >= 8 && bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) {
    // The DocType element (id 0x4282) with a one-byte size, within the header's first bytes.
    const head = bytes.subarray(0, 64)
    for (let at = 4; at + 3 < head.length; at++) {
      if (head[at] !== 0x42 || head[at + 1] !== 0x82) continue
      const sizeByte = head[at + 2]!
      if ((sizeByte & 0x80) === 0) return undefined
      const length = sizeByte & 0x7f
      return ascii(head, at + 3, at + 3 + length) === 'webm' ? 'video/webm' : undefined
    }
  }
  return undefined
}

export interface ByteRange {
  start: number
  /** Inclusive, as in HTTP. */
  end: number
}

/**
 * Reads a `Range: bytes=…` header (RFC 9110 §14.1.2) for a file of `size` bytes: undefined when
 * absent or not a single bytes range (serve the whole file), 'unsatisfiable' for a 416.
 */
export function parseByteRange(
  header: string | undefined,
  size: number,
): ByteRange | 'unsatisfiable' | undefined {
  const match = header === undefined ? null : /^bytes=(\d*)-(\d*)$/.exec(header.trim())
  if (!match) return undefined
  const [, from, to] = match
  if (from === '' && to === '') return undefined
  if (from === '') {
    const suffix = Number(to)
    if (suffix === 0 || size === 0) return 'unsatisfiable'
    return { start: Math.max(0, size - suffix), end: size - 1 }
  }
  const start = Number(from)
  const end = to === '' ? size - 1 : Math.min(Number(to), size - 1)
  if (start >= size || end < start) return 'unsatisfiable'
  return { start, end }
}
