<?php
/**
 * Removes the plugin's one option when the plugin is deleted.
 *
 * @package Sharek
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

delete_option( 'sharek_api' );
