"""Dependencies every layer above may take: the settings (tests override `get_settings`)."""

from typing import Annotated

from fastapi import Depends

from api.settings import Settings, get_settings

SettingsDep = Annotated[Settings, Depends(get_settings)]
