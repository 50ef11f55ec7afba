"""Django's own tables whose names look personal to the register's check but are not."""

from socialebasis.core.personal_data_register import not_personal

not_personal("auth.Group", ("name",), "The name of a group of permissions.")
not_personal("auth.Permission", ("name",), "The name of a permission.")
