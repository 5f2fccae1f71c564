"""The stylesheet, generated from theme tokens.

One small sheet per site: custom properties carry the theme, everything else
is shared layout. System font stacks only, so a page never makes a request
for a font. Rules are written for 320px first and widen with the viewport.
"""

from __future__ import annotations

from functools import lru_cache

from core.site.theme import FontPairing, Theme
from pipeline.tokens import resolve

SANS = 'system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif'
HUMANIST = 'Seravek,"Gill Sans Nova",Ubuntu,Calibri,"DejaVu Sans",source-sans-pro,sans-serif'
GEOMETRIC = 'Avenir,Montserrat,Corbel,"URW Gothic",source-sans-pro,sans-serif'
OLD_STYLE = '"Iowan Old Style","Palatino Linotype","URW Palladio L",P052,Georgia,serif'
TRANSITIONAL = 'Charter,"Bitstream Charter","Sitka Text",Cambria,Georgia,serif'
DIDONE = 'Didot,"Bodoni MT","Noto Serif Display","URW Palladio L",P052,Sylfaen,serif'
MONO = 'ui-monospace,"Cascadia Code","Source Code Pro",Menlo,Consolas,"DejaVu Sans Mono",monospace'

# (headings, body) per pairing; stacks from modernfontstacks.com.
FONTS: dict[FontPairing, tuple[str, str]] = {
    "modern": (SANS, SANS),
    "classic": (OLD_STYLE, TRANSITIONAL),
    "humanist": (HUMANIST, HUMANIST),
    "geometric": (GEOMETRIC, SANS),
    "mono": (MONO, SANS),
    "elegant": (DIDONE, HUMANIST),
}

LAYOUT = """\
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%;scroll-behavior:smooth;scroll-padding-top:1rem}
body{margin:0;background:var(--bg);color:var(--text);font:400 var(--t0)/1.65 var(--fb);-webkit-font-smoothing:antialiased}
h1,h2,h3,p,li,dd,dt,blockquote,figcaption,summary,td,th,address{overflow-wrap:anywhere;unicode-bidi:plaintext}
h1,h2,h3{font-family:var(--fh);line-height:1.15;margin:0 0 var(--s3);letter-spacing:-.01em;text-wrap:balance}
h1{font-size:var(--t4)}h2{font-size:var(--t3)}h3{font-size:var(--t1)}
p{margin:0 0 var(--s4)}p:last-child{margin-bottom:0}
a{color:var(--link);text-underline-offset:.2em}
img,svg{display:block;max-width:100%}
ul{padding:0;margin:0;list-style:none}
address{font-style:normal}
:focus-visible{outline:3px solid var(--link);outline-offset:3px;border-radius:4px}
.wrap{width:min(100% - 2*var(--gut),72rem);margin-inline:auto}
.skip{position:absolute;left:var(--s4);top:-10rem;z-index:9;padding:var(--s2) var(--s4);background:var(--text);color:var(--bg);border-radius:var(--r)}
.skip:focus{top:var(--s4)}
.site-header{border-bottom:1px solid var(--line)}
.bar{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:var(--s3) var(--s6);padding-block:var(--s4)}
.brand{display:flex;align-items:center;gap:var(--s3);min-width:0;margin:0;font:700 var(--t1)/1.2 var(--fh);overflow-wrap:anywhere}
.brand a{min-width:0;color:var(--text);text-decoration:none}
.mark{width:2rem;height:2rem;flex:none;border-radius:calc(var(--r)/2 + 2px);background:var(--btn)}
.site-header ul{display:flex;flex-wrap:wrap;gap:var(--s1) var(--s5)}
.site-header nav a{color:var(--text);text-decoration:none;font-size:var(--t-1);font-weight:500;padding-block:var(--s2)}
.site-header nav a:hover{color:var(--link);text-decoration:underline}
.sec{padding-block:var(--s8)}
.alt{background:var(--surface)}
.sec-head{max-width:44rem;margin-bottom:var(--s7)}
.lead{font-size:var(--t1);color:var(--muted);line-height:1.5}
.hero{padding-block:var(--s8)}
.hero-grid{display:grid;gap:var(--s7);align-items:center}
.hero .lead{max-width:36rem}
.eyebrow{color:var(--link);font-weight:600;text-transform:uppercase;letter-spacing:.08em;font-size:var(--t-1)}
.hero-art{width:min(100%,15rem);justify-self:center}
.actions{display:flex;flex-wrap:wrap;gap:var(--s3);margin-top:var(--s6)}
.btn{display:inline-flex;align-items:center;justify-content:center;min-height:2.75rem;padding:var(--s3) var(--s5);border-radius:var(--r);border:2px solid var(--btn);font-weight:600;text-decoration:none;line-height:1.2;text-align:center}
.btn-primary{background:var(--btn);color:var(--on-btn)}
.btn-ghost{border-color:var(--link);color:var(--link)}
.btn-inverse{background:var(--on-btn);color:var(--btn);border-color:var(--on-btn)}
.btn:hover{filter:brightness(1.08);text-decoration:underline}
.grid{display:grid;gap:var(--s5);grid-template-columns:repeat(auto-fit,minmax(min(100%,17rem),1fr))}
.card{background:var(--bg);border:1px solid var(--line);border-radius:var(--r);padding:var(--s6)}
.alt .card{background:var(--bg)}.plain .card{background:var(--surface)}
.card p{color:var(--muted)}
.badge-icon{display:inline-grid;place-items:center;width:3rem;height:3rem;margin-bottom:var(--s4);border-radius:calc(var(--r) + 2px);background:var(--accent);color:var(--on-accent)}
.icon{width:1.25em;height:1.25em;flex:none;fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round;stroke-linejoin:round}
.badge-icon .icon{width:1.5rem;height:1.5rem}
.split{display:grid;gap:var(--s7)}
.prose{max-width:42rem;font-size:var(--t0)}
.checks li{display:flex;gap:var(--s3);align-items:baseline;padding-block:var(--s2)}
.checks .icon{color:var(--link);transform:translateY(.2em)}
.meta{display:flex;flex-wrap:wrap;justify-content:space-between;gap:var(--s3);margin-top:var(--s4);padding-top:var(--s4);border-top:1px solid var(--line)}
.card .meta{color:var(--text)}
.service{display:flex;flex-direction:column}.service .meta{margin-top:auto}.cost{margin-left:auto}
.price{font-variant-numeric:tabular-nums;font-weight:700;white-space:nowrap}
.menu-grid{display:grid;gap:var(--s7) var(--s8);grid-template-columns:repeat(auto-fit,minmax(min(100%,24rem),1fr))}
.menu-cat h3{padding-bottom:var(--s3);border-bottom:2px solid var(--btn)}
.dish{display:grid;grid-template-columns:1fr auto;gap:var(--s4);padding-block:var(--s4);border-bottom:1px dashed var(--line)}
.dish-name{font-weight:600}
.dish p{color:var(--muted);font-size:var(--t-1);margin-top:var(--s1)}
.dish .price{text-align:right}
.tags{display:inline-flex;flex-wrap:wrap;gap:var(--s1);margin-left:var(--s2);vertical-align:middle}
.tag{font-size:.75rem;padding:0 var(--s2);border-radius:99px;background:var(--accent);color:var(--on-accent)}
.g1{max-width:40rem}
.plan{position:relative;display:flex;flex-direction:column;gap:var(--s2)}
.plan .btn{margin-top:auto}
.plan .checks{margin-bottom:var(--s5)}
.featured{border-color:var(--btn);box-shadow:0 0 0 1px var(--btn),0 1rem 2.5rem -1.5rem var(--btn)}
.ribbon{position:absolute;top:0;left:var(--s6);transform:translateY(-50%);margin:0;padding:var(--s1) var(--s3);border-radius:99px;background:var(--btn);font-size:.8rem;font-weight:700}
.card .ribbon{color:var(--on-btn)}
.amount{display:flex;align-items:baseline;gap:var(--s1)}
.card .amount{color:var(--text)}
.amount .price{font-size:var(--t3);font-family:var(--fh)}
.amount span{color:var(--muted)}
.gallery{display:grid;gap:var(--s5);grid-template-columns:repeat(auto-fill,minmax(min(100%,17rem),1fr))}
.gallery figure{margin:0}
.photo{width:100%;height:auto;object-fit:cover;border-radius:var(--r)}
.hero-photo{aspect-ratio:4/3;max-height:80vh}
.thumb{aspect-ratio:3/2;margin-bottom:var(--s4)}
.about-photo{aspect-ratio:4/3;margin-top:var(--s5)}
.dish-photo{width:5rem;height:5rem;aspect-ratio:1;float:left;margin:0 var(--s4) var(--s2) 0}
.face{width:4.5rem;height:4.5rem;aspect-ratio:1;margin:0 auto var(--s4);border-radius:50%;object-fit:cover}
.logo{width:auto;height:2.5rem;max-width:8rem;object-fit:contain}
.gallery img,.gallery .art{width:100%;background:var(--a0);height:auto;aspect-ratio:4/3;object-fit:cover;border-radius:var(--r)}
figcaption{color:var(--muted);font-size:var(--t-1);margin-top:var(--s2)}
.i0{fill:var(--a0)}.i1{fill:var(--a1)}.i2{fill:var(--a2)}.i3{fill:var(--a3)}
.quote figure{margin:0;height:100%;display:flex;flex-direction:column;justify-content:space-between;gap:var(--s5)}
blockquote{margin:0;font-size:var(--t1);line-height:1.5}
.quote blockquote p{color:var(--text)}
.quote blockquote p::before{content:"\\201C"}.quote blockquote p::after{content:"\\201D"}
.quote figcaption{display:flex;flex-direction:column;margin:0}
.who{font-weight:700;color:var(--text)}
.role{color:var(--muted);font-size:var(--t-1)}
.member{text-align:center}
.avatar{display:inline-grid;place-items:center;width:4.5rem;height:4.5rem;margin-bottom:var(--s4);border-radius:50%;background:var(--accent);color:var(--on-accent);font:700 var(--t1)/1 var(--fh)}
.faq{max-width:48rem}
details{border-bottom:1px solid var(--line)}
summary{cursor:pointer;padding-block:var(--s4);font-weight:600;font-size:var(--t1);list-style-position:outside;margin-left:1.2em}
.answer{padding-bottom:var(--s5);color:var(--muted);margin-left:1.2em}
.contact-card{display:grid;align-items:start;gap:var(--s6);grid-template-columns:repeat(auto-fit,minmax(min(100%,18rem),1fr))}
.contact-list{margin:0;display:grid;gap:var(--s5)}
dt{display:flex;gap:var(--s2);align-items:center;font-weight:700}
dd{margin:0}
.contact-list dd{padding-left:calc(1.25em + var(--s2))}
.hours{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
caption{font-weight:700;text-align:start;margin-bottom:var(--s2)}
caption .icon{display:inline-block;vertical-align:-.2em;margin-inline-end:var(--s2)}
.hours th,.hours td{padding:var(--s2) 0;border-bottom:1px solid var(--line);text-align:left;font-weight:400}
.hours td{text-align:right;padding-left:var(--s4)}.nw{white-space:nowrap}
.sec-contact .actions{margin-top:var(--s6)}
.sec-cta{padding-block:var(--s7)}
.band{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:var(--s5);padding:var(--s7) var(--s6);border-radius:calc(var(--r)*1.5);background:var(--btn);color:var(--on-btn)}
.band h2{margin:0}.band p{margin-top:var(--s3);max-width:40rem}
.stats{display:grid;gap:var(--s5);grid-template-columns:repeat(auto-fit,minmax(min(100%,11rem),1fr));margin:0;text-align:center}
.stats div{display:flex;flex-direction:column-reverse}
.stats dt{justify-content:center;font-weight:400;color:var(--muted)}
.stats dd{font:700 var(--t3)/1.1 var(--fh);color:var(--link)}
.site-footer{border-top:1px solid var(--line);padding-block:var(--s7);background:var(--surface);font-size:var(--t-1)}
.foot{display:grid;gap:var(--s5);grid-template-columns:repeat(auto-fit,minmax(min(100%,12rem),1fr))}
.foot-name{font:700 var(--t1)/1.2 var(--fh)}
.site-footer li{padding-block:var(--s1)}
.fine{color:var(--muted);grid-column:1/-1}
@media (min-width:64rem){.g4{grid-template-columns:repeat(4,1fr)}}
@media (min-width:48rem){.hero-grid{grid-template-columns:1.25fr 1fr}.hero-art{width:min(100%,26rem)}.split{grid-template-columns:1.6fr 1fr}}
@media (prefers-reduced-motion:reduce){html{scroll-behavior:auto}*,*::before,*::after{transition:none!important;animation:none!important}}
"""


def _root(theme: Theme) -> str:
    c = resolve(theme)
    heading, body = FONTS[theme.fonts]
    props = {
        "color-scheme": "dark" if c.dark else "light",
        "--bg": c.bg,
        "--surface": c.surface,
        "--text": c.text,
        "--muted": c.muted,
        "--link": c.link,
        "--btn": c.btn,
        "--on-btn": c.on_btn,
        "--accent": c.accent,
        "--on-accent": c.on_accent,
        "--line": c.line,
        "--a0": c.art[0],
        "--a1": c.art[1],
        "--a2": c.art[2],
        "--a3": c.art[3],
        "--r": f"{theme.radius}px",
        "--fh": heading,
        "--fb": body,
        "--gut": "clamp(1rem,5vw,2.5rem)",
        "--s1": ".25rem",
        "--s2": ".5rem",
        "--s3": ".75rem",
        "--s4": "1rem",
        "--s5": "1.5rem",
        "--s6": "2rem",
        "--s7": "3rem",
        "--s8": "clamp(3.5rem,9vw,7rem)",
        "--t-1": ".9rem",
        "--t0": "clamp(1rem,.96rem + .2vw,1.125rem)",
        "--t1": "clamp(1.15rem,1.08rem + .4vw,1.375rem)",
        "--t3": "clamp(1.75rem,1.4rem + 1.8vw,2.75rem)",
        "--t4": "clamp(2.1rem,1.5rem + 3.4vw,4.25rem)",
    }
    _scale(props, theme)
    return ":root{" + ";".join(f"{k}:{v}" for k, v in props.items()) + "}\n" + _section_headings(theme)


_BODY_STEP = 1.125
_HEADING_STEP = 1.16
_DENSITY = {"compact": 0.7, "cosy": 1.0, "airy": 1.35}


def _scale(props: dict[str, str], theme: Theme) -> None:
    """Apply the site's type scale and density (``Theme.typography``) to the design's tokens."""
    t = theme.typography
    for key, step, base in (("--t-1", t.body, _BODY_STEP), ("--t0", t.body, _BODY_STEP),
                            ("--t1", t.body, _BODY_STEP), ("--t3", t.headings, _HEADING_STEP),
                            ("--t4", t.headings, _HEADING_STEP)):
        if step:
            props[key] = f"calc({props[key]} * {base**step:.3f})"
    factor = _DENSITY[t.density]
    if factor != 1.0:
        for key in ("--s6", "--s7", "--s8"):
            props[key] = f"calc({props[key]} * {factor})"


def _section_headings(theme: Theme) -> str:
    rules = []
    for kind, step in sorted((h.section, h.step) for h in theme.typography.section_headings):
        if step:
            target, size = (".hero :is(h1,h2)", "--t4") if kind == "hero" else (f".sec-{kind} h2", "--t3")
            rules.append(f"{target}{{font-size:calc(var({size}) * {_HEADING_STEP**step:.3f})}}")
    return "\n".join(rules) + ("\n" if rules else "")


@lru_cache(maxsize=256)
def stylesheet(theme: Theme) -> str:
    """The full CSS for ``theme``; identical themes share one cached string."""
    return _root(theme) + LAYOUT
