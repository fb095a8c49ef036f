"""``{% object_fragment "name" %}…{% endobject_fragment %}``: a part of the object page
served from ``exhibition.object_fragments`` and rendered only when it is not held.

The view puts an ``ObjectFragments`` in the context as ``fragments``. A missing part is
rendered from the page's full context (built once, on the first miss) in a context of
its own that holds no user, no request and no CSRF token: a part is the same for every
visitor by construction, so caching it for all can never hand one visitor's state to
another. The part's templates see the page's data and ``LANGUAGE_CODE``/``LANGUAGE_BIDI``.
"""

from django import template
from django.template.base import NodeList, Parser, Token
from django.template.context import Context
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from exhibition.object_fragments import ObjectFragments

register = template.Library()


class ObjectFragmentNode(template.Node):
    def __init__(self, name: str, nodelist: NodeList) -> None:
        self.name = name
        self.nodelist = nodelist

    def render(self, context: Context) -> SafeString:
        fragments = context.get("fragments")
        if not isinstance(fragments, ObjectFragments):
            raise template.TemplateSyntaxError(
                "{% object_fragment %} needs the view's ObjectFragments as `fragments`"
            )
        held = fragments.get(self.name)
        if held is not None:
            # Parts are our own templates' output, escaped when they were rendered.
            return mark_safe(held)
        html = self._render_neutral(context, fragments)
        fragments.put(self.name, html)
        return mark_safe(html)

    def _render_neutral(self, context: Context, fragments: ObjectFragments) -> str:
        language = translation.get_language()
        neutral = Context(
            {
                **fragments.context(),
                "LANGUAGE_CODE": language,
                "LANGUAGE_BIDI": translation.get_language_bidi(),
            },
            autoescape=context.autoescape,
            use_l10n=context.use_l10n,
            use_tz=context.use_tz,
        )
        if context.template is None:
            raise template.TemplateSyntaxError("{% object_fragment %} renders inside a template")
        # Includes find their templates through the engine of the page being rendered.
        with neutral.bind_template(context.template):
            return str(self.nodelist.render(neutral))


@register.tag("object_fragment")
def object_fragment(parser: Parser, token: Token) -> ObjectFragmentNode:
    bits = token.split_contents()
    if len(bits) != 2 or bits[1][:1] not in {'"', "'"} or bits[1][-1:] != bits[1][:1]:
        raise template.TemplateSyntaxError('{% object_fragment "name" %} takes one quoted name')
    nodelist = parser.parse(("endobject_fragment",))
    parser.delete_first_token()
    return ObjectFragmentNode(bits[1][1:-1], nodelist)
