"""The interface's own wording, per language (exhibit text lives in YAML).

A language the exhibit uses but this table lacks falls back to English for
the buttons only; the exhibit's content is still shown in that language.
"""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "es": {
        "touch": "Toca para explorar", "home": "Inicio", "previous": "Anterior", "next": "Siguiente",
        "start": "Comenzar", "close": "Cerrar", "listen": "Escuchar", "stop_listening": "Detener",
        "text_size": "Tamaño del texto", "contrast": "Alto contraste", "still_there": "¿Sigues ahí?",
        "touch_continue": "Toca la pantalla para continuar.", "image_missing": "Imagen no disponible",
        "timeline": "Línea de tiempo", "reading": "Para saber más", "credits": "Créditos",
        "zoom_hint": "Pellizca o toca dos veces para ampliar", "stop_of": "{n} de {total}",
        "language": "Idioma", "open_image": "Ampliar imagen", "back": "Volver",
        "reduce_motion": "Reducir movimiento", "listening": "Escuchando",
    },
    "en": {
        "touch": "Touch to explore", "home": "Home", "previous": "Previous", "next": "Next",
        "start": "Begin", "close": "Close", "listen": "Listen", "stop_listening": "Stop",
        "text_size": "Text size", "contrast": "High contrast", "still_there": "Are you still there?",
        "touch_continue": "Touch the screen to continue.", "image_missing": "Image unavailable",
        "timeline": "Timeline", "reading": "Further reading", "credits": "Credits",
        "zoom_hint": "Pinch or double-tap to zoom", "stop_of": "{n} of {total}",
        "language": "Language", "open_image": "Enlarge image", "back": "Back",
        "reduce_motion": "Reduce motion", "listening": "Listening",
    },
}


def tr(lang: str, key: str, **values: object) -> str:
    table = STRINGS.get(lang, STRINGS["en"])
    return table.get(key, STRINGS["en"][key]).format(**values)
