"""The areas hold no personal data; names that look personal to the register's check are said not to be."""

from socialebasis.core.personal_data_register import not_personal

for _model in ("areas.Municipality", "areas.District", "areas.Neighbourhood", "areas.AreaDivision", "areas.OwnArea"):
    not_personal(_model, ("name",), "The name of an area.")
