"""How things look: the typeface and the Look (theme, type scale, scale factor) every screen draws with."""
